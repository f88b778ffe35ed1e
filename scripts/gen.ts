/**
 * `npm run gen -- --events N --entities M --seed S [--case ID] [--out file.json] [--no-load] [--chunked]`:
 * generates a deterministic synthetic case (lib/synth/generate.ts) and loads it through
 * importCaseBundle, the path every import takes, printing each step as it goes.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importCaseBundle } from '../graph/import.repo';
import { migrate } from '../graph/migrations';
import { generateCase } from '../lib/synth/generate';
import { runCli } from './lib/cli';
import { loadBundleChunked } from '../graph/bulk-load.repo';

runCli('gen', async () => {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '1000' },
      entities: { type: 'string' },
      seed: { type: 'string', default: '1' },
      case: { type: 'string' },
      out: { type: 'string' },
      'no-load': { type: 'boolean', default: false },
      // Batched writes in chunks, one transaction each (graph/bulk-load.repo.ts), for sizes
      // beyond what one import transaction fits in the database's memory.
      chunked: { type: 'boolean', default: false },
    },
  });
  const events = Number(values.events);
  const entities = Number(values.entities ?? Math.max(2, Math.round(events / 10)));
  const seed = Number(values.seed);
  if (![events, entities, seed].every(Number.isInteger)) throw new Error('--events, --entities and --seed must be integers');
  const log = (msg: string) => console.log(`[gen] ${msg}`);

  let t = performance.now();
  const bundle = generateCase({ events, entities, seed, ...(values.case ? { caseId: values.case } : {}) });
  log(
    `${bundle.case.id}: ${bundle.events.length} events, ${bundle.entities.length} entities, ${bundle.participations.length} participations, ` +
      `${bundle.relations.length} relationships, ${bundle.sources.length} sources, ${bundle.citations.length} citations (${ms(t)})`,
  );
  if (values.out) {
    writeFileSync(values.out, JSON.stringify(bundle));
    log(`written to ${values.out}`);
  }
  if (values['no-load']) return;
  await migrate(log);
  t = performance.now();
  if (values.chunked) {
    await loadBundleChunked(bundle, log);
    log(`loaded (chunked) in ${ms(t)}`);
    return;
  }
  const counts = await importCaseBundle(bundle, { onProgress: (step, took) => log(`  ${step} (${Math.round(took)} ms)`) });
  log(`loaded in ${ms(t)}: ${JSON.stringify(counts)}`);
});

function ms(since: number): string {
  const d = performance.now() - since;
  return d < 10_000 ? `${Math.round(d)} ms` : `${(d / 1000).toFixed(1)} s`;
}
