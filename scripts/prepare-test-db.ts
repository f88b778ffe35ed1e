/** Brings the test database to the state `npm start` leaves: schema migrated, sample case loaded. */
import { importCaseBundle } from '../graph/import.repo';
import { migrate } from '../graph/migrations';
import { runCli } from './lib/cli';
import { SAMPLE_CASE_DIR, readCaseFolder } from './lib/case-folder';

runCli('test:db', async () => {
  await migrate((m) => console.log(`[test:db] ${m}`));
  const counts = await importCaseBundle(readCaseFolder(SAMPLE_CASE_DIR));
  console.log(`[test:db] sample case ready: ${counts.events} events, ${counts.entities} entities`);
});
