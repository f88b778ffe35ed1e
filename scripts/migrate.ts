/** `npm run db:migrate`: applies pending schema migrations to the configured Neo4j. */
import { migrate } from '../graph/migrations';
import { runCli } from './lib/cli';

runCli('migrate', async () => {
  const report = await migrate((m) => console.log(`[migrate] ${m}`));
  console.log(`[migrate] done: ${report.applied.length} applied, ${report.skipped.length} already there`);
});
