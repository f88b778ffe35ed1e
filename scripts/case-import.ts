/**
 * `npm run case:import -- <file> --format bundle|timelinejs|csv [--case ID] [--title T]
 *   [--publisher P] [--language fr] [--replace]`
 * Checks the whole file, then writes it in one transaction; prints what was created. A bad file
 * lists every problem and writes nothing; an existing case id is refused unless --replace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importCase } from '../graph/interchange.repo';
import { IMPORT_FORMATS, InterchangeError, parseImport, type ImportFormat } from '../lib/interchange';
import { runCli } from './lib/cli';

runCli('case:import', async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      case: { type: 'string' },
      title: { type: 'string' },
      publisher: { type: 'string' },
      language: { type: 'string' },
      replace: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  const format = (values.format ?? guessFormat(file ?? '')) as ImportFormat;
  if (!file || !IMPORT_FORMATS.includes(format)) throw new Error(`usage: npm run case:import -- <file> --format ${IMPORT_FORMATS.join('|')} [--case ID] [--replace]`);
  try {
    const { bundle, report } = parseImport(format, readFileSync(file, 'utf8'), {
      caseId: values.case,
      caseTitle: values.title,
      publisher: values.publisher,
      language: values.language,
      fileName: path.basename(file),
      today: new Date().toISOString().slice(0, 10),
    });
    const result = await importCase(bundle, { replace: values.replace });
    console.log(`[case:import] ${result.replaced ? 'replaced' : 'created'} case ${result.caseId}: ${JSON.stringify(result.counts)}${report.eras ? ` (${report.eras} era(s) as events)` : ''}`);
    for (const note of report.notes) console.log(`[case:import] note: ${note}`);
  } catch (e) {
    // The problems are in the message already; runCli would print them twice.
    if (e instanceof InterchangeError) throw new Error(e.message);
    throw e;
  }
});

function guessFormat(file: string): string | undefined {
  if (file.endsWith('.csv')) return 'csv';
  if (file.endsWith('.timeweave.json')) return 'bundle';
  if (file.endsWith('.timeline.json')) return 'timelinejs';
  return undefined;
}
