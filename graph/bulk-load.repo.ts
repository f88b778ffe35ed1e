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
import { encodeBundle } from './encode';
import { deleteCase } from './import.repo';
import { rebuildEventDays } from './event-days.repo';
import * as Q from './queries/import.queries';
import type { CaseBundle } from '../lib/model/bundle';
import { RELATION_TYPES } from '../lib/model/vocab';

const CHUNK = 5000;

export async function loadBundleChunked(bundle: CaseBundle, log: (msg: string) => void = () => {}): Promise<{ records: number }> {
  const rows = encodeBundle(bundle);
  const caseId = rows.caseId;
  await deleteCase(caseId);
  const t = performance.now();
  const chunked = async (what: string, cypher: string, list: readonly unknown[], extra: Record<string, unknown> = {}) => {
    for (let i = 0; i < list.length; i += CHUNK) {
      await writeTransaction((tx) => tx.run(cypher, { ...extra, rows: list.slice(i, i + CHUNK) }));
    }
    log(`  ${what}: ${list.length} (${Math.round(performance.now() - t)} ms so far)`);
  };
  await writeTransaction((tx) => tx.run(Q.MERGE_CASE, { case: rows.case }));
  await chunked('sources', Q.MERGE_SOURCES, rows.sources, { caseId });
  await chunked('citations', Q.MERGE_CITATIONS, rows.citations);
  await chunked('entities', Q.MERGE_ENTITIES, rows.entities, { caseId });
  await chunked('events', Q.WRITE_EVENTS, rows.events, { caseId });
  await chunked('participations', Q.WRITE_PARTICIPATIONS, rows.participations);
  for (const type of RELATION_TYPES) {
    const ofType = rows.relations.filter((r) => r.type === type);
    if (ofType.length) await chunked(`relations ${type}`, Q.WRITE_RELATIONS[type], ofType);
  }
  await writeTransaction((tx) => rebuildEventDays(tx, caseId));
  log(`  day rollups (${Math.round(performance.now() - t)} ms so far)`);
  return { records: rows.sources.length + rows.citations.length + rows.entities.length + rows.events.length + rows.participations.length + rows.relations.length };
}
