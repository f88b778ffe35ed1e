/**
 * `npm run case:export -- <caseId> --format bundle|timelinejs|csv|graphml|gexf|cyjs|annotations
 *   [--table events|entities] [--group status|kind] [--base http://host] [--out file]`
 * Writes the case as a file (default: its conventional name in the current folder; `--out -` prints it).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getCaseBundle } from '../graph/interchange.repo';
import { ExportQuery, exportCase } from '../lib/interchange';
import { runCli } from './lib/cli';

runCli('case:export', async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: 'string', default: 'bundle' }, table: { type: 'string' }, group: { type: 'string' }, base: { type: 'string', default: 'http://localhost:3000' }, out: { type: 'string' } },
  });
  const caseId = positionals[0];
  if (!caseId) throw new Error('usage: npm run case:export -- <caseId> --format bundle|timelinejs|csv|graphml|gexf|cyjs|annotations [--out file]');
  const query = ExportQuery.parse({ format: values.format, ...(values.table ? { table: values.table } : {}), ...(values.group ? { group: values.group } : {}) });
  const bundle = await getCaseBundle(caseId);
  if (!bundle) throw new Error(`no case ${caseId}`);
  const file = exportCase(bundle, query, { baseUrl: values.base! });
  if (values.out === '-') process.stdout.write(file.body);
  else {
    const out = values.out ?? file.fileName;
    writeFileSync(out, file.body);
    console.error(`[case:export] ${caseId} → ${out} (${query.format}, ${Buffer.byteLength(file.body)} bytes)`);
  }
});
