/**
 * `npm run case:load -- [folder]`: compiles a curated case folder and writes it to Neo4j in one
 * transaction, with its stories. Loading the same folder twice changes nothing. Default: the sample case.
 */
import path from 'node:path';
import { importCaseBundle } from '../graph/import.repo';
import { runCli } from './lib/cli';
import { SAMPLE_CASE_DIR, readCaseFolderWithStories } from './lib/case-folder';

runCli('case:load', async () => {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : SAMPLE_CASE_DIR;
  // With its stories: the file's version of each wins; stories editors added are kept.
  const bundle = readCaseFolderWithStories(dir);
  console.log(`[case:load] ${bundle.case.id}: ${bundle.events.length} events, ${bundle.entities.length} entities, ${bundle.citations.length} citations, ${bundle.stories?.length ?? 0} stories`);
  const counts = await importCaseBundle(bundle);
  console.log(`[case:load] stored: ${JSON.stringify(counts)}`);
});
