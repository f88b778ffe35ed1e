/**
 * `npm run case:load -- [folder]`: compiles a curated case folder and writes it to Neo4j in one
 * transaction. Loading the same folder twice changes nothing. Default: the sample case.
 */
import path from 'node:path';
import { importCaseBundle } from '../graph/import.repo';
import { runCli } from './lib/cli';
import { SAMPLE_CASE_DIR, readCaseFolder } from './lib/case-folder';

runCli('case:load', async () => {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : SAMPLE_CASE_DIR;
  const bundle = readCaseFolder(dir);
  console.log(`[case:load] ${bundle.case.id}: ${bundle.events.length} events, ${bundle.entities.length} entities, ${bundle.citations.length} citations`);
  const counts = await importCaseBundle(bundle);
  console.log(`[case:load] stored: ${JSON.stringify(counts)}`);
});
