/**
 * Loads a generated bundle with the import's own batched queries (graph/queries/import.queries.ts)
 * in chunks, one transaction per chunk. The user path (importCaseBundle) holds a whole case in one
 * transaction and checks every citation: right for a user's import, but beyond the default
 * transaction memory of a small test Neo4j at 20k+ events. For synthetic data only, which is
 * valid by construction (lib/synth/generate.ts passes checkBundleIntegrity): `npm run gen --
 * --chunked`, `npm run bench` and `npm run bench:client` load their sizes with it. In graph/
 * because it runs Cypher; returns the records written so a caller can report a rate.
 */
import { writeTransaction } from './driver';
import { encodeCitation, encodeEntity, encodeEvent, encodeRelation, encodeSource } from './encode';
import { deleteCase } from './import.repo';
import { rebuildEventDays } from './event-days.repo';
import * as Q from './queries/import.queries';
import type { CaseBundle } from '../lib/model/bundle';
import { RELATION_TYPES } from '../lib/model/vocab';

const CHUNK = 5000;

export async function loadBundleChunked(bundle: CaseBundle, log: (msg: string) => void = () => {}): Promise<{ records: number }> {
  const caseId = bundle.case.id;
  await deleteCase(caseId);
  const t = performance.now();
  // Each chunk is encoded as it is sent: a 1M-event bundle takes ~3.4 GB of memory, and encoding
  // it whole beside itself ran a default Node heap (4 GB) out of memory.
  const chunked = async <T>(what: string, cypher: string, list: readonly T[], encode: (row: T) => unknown, extra: Record<string, unknown> = {}) => {
    for (let i = 0; i < list.length; i += CHUNK) {
      const rows = list.slice(i, i + CHUNK).map(encode);
      await writeTransaction((tx) => tx.run(cypher, { ...extra, rows }));
    }
    log(`  ${what}: ${list.length} (${Math.round(performance.now() - t)} ms so far)`);
  };
  const same = <T>(row: T) => row;
  await writeTransaction((tx) => tx.run(Q.MERGE_CASE, { case: bundle.case }));
  await chunked('sources', Q.MERGE_SOURCES, bundle.sources, encodeSource, { caseId });
  await chunked('citations', Q.MERGE_CITATIONS, bundle.citations, encodeCitation);
  await chunked('entities', Q.MERGE_ENTITIES, bundle.entities, encodeEntity, { caseId });
  await chunked('events', Q.WRITE_EVENTS, bundle.events, encodeEvent, { caseId });
  await chunked('participations', Q.WRITE_PARTICIPATIONS, bundle.participations, same);
  for (const type of RELATION_TYPES) {
    const ofType = bundle.relations.filter((r) => r.type === type);
    if (ofType.length) await chunked(`relations ${type}`, Q.WRITE_RELATIONS[type], ofType, encodeRelation);
  }
  await writeTransaction((tx) => rebuildEventDays(tx, caseId));
  log(`  day rollups (${Math.round(performance.now() - t)} ms so far)`);
  const { sources, citations, entities, events, participations, relations } = bundle;
  return { records: sources.length + citations.length + entities.length + events.length + participations.length + relations.length };
}
