/**
 * Brings the test database to the state `npm start` leaves (schema migrated, sample case loaded),
 * plus the test fixture cases of tests/fixtures/cases/ (e.g. the XSS probe the e2e tests render).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { importCaseBundle } from '../graph/import.repo';
import { migrate } from '../graph/migrations';
import { runCli } from './lib/cli';
import { SAMPLE_CASE_DIR, readCaseFolder } from './lib/case-folder';

const FIXTURES_DIR = path.resolve(__dirname, '..', 'tests', 'fixtures', 'cases');

runCli('test:db', async () => {
  await migrate((m) => console.log(`[test:db] ${m}`));
  const counts = await importCaseBundle(readCaseFolder(SAMPLE_CASE_DIR));
  console.log(`[test:db] sample case ready: ${counts.events} events, ${counts.entities} entities`);
  for (const name of readdirSync(FIXTURES_DIR).sort()) {
    const bundle = readCaseFolder(path.join(FIXTURES_DIR, name));
    await importCaseBundle(bundle);
    console.log(`[test:db] fixture case ready: ${bundle.case.id}`);
  }
});
