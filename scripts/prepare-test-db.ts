/**
 * Brings the test database to the state `npm start` leaves (schema migrated, sample case loaded),
 * plus the test fixture cases of tests/fixtures/cases/ (e.g. the XSS probe the e2e tests render)
 * and the test editor account of tests/fixtures/accounts.ts.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { importCaseBundle } from '../graph/import.repo';
import { migrate } from '../graph/migrations';
import { createUser, getCredentials, setCaseVisibility, setPassword } from '../graph/users.repo';
import { hashPassword } from '../lib/auth/passwords';
import { TEST_EDITOR } from '../tests/fixtures/accounts';
import { runCli } from './lib/cli';
import { SAMPLE_CASE_DIR, readCaseFolderWithStories } from './lib/case-folder';

const FIXTURES_DIR = path.resolve(__dirname, '..', 'tests', 'fixtures', 'cases');

runCli('test:db', async () => {
  await migrate((m) => console.log(`[test:db] ${m}`));
  // The sample case with its stories, through the same path as `npm start` (the file's stories
  // win); unlike there, stories a previous run's tests added are removed, so every run starts alike.
  const counts = await importCaseBundle(readCaseFolderWithStories(SAMPLE_CASE_DIR), { pruneStories: true });
  console.log(`[test:db] sample case ready: ${counts.events} events, ${counts.entities} entities`);
  for (const name of readdirSync(FIXTURES_DIR).sort()) {
    const bundle = readCaseFolderWithStories(path.join(FIXTURES_DIR, name));
    await importCaseBundle(bundle);
    // A previous, interrupted run may have left it private; every run starts from public.
    await setCaseVisibility(bundle.case.id, 'public');
    console.log(`[test:db] fixture case ready: ${bundle.case.id}`);
  }
  const hash = await hashPassword(TEST_EDITOR.password);
  if (await getCredentials(TEST_EDITOR.username)) await setPassword(TEST_EDITOR.username, hash);
  else await createUser(TEST_EDITOR.username, 'editor', hash);
  console.log(`[test:db] test editor ready: ${TEST_EDITOR.username}`);
});
