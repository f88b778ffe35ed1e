import type { ManagedTransaction } from 'neo4j-driver';
import { CaseBundle, checkBundleIntegrity } from '../lib/model/bundle';
import { RELATION_TYPES } from '../lib/model/vocab';
import { read, writeInBatches, writeTransaction } from './driver';
import { encodeBundle } from './encode';
import { ConflictError, InvariantError } from './errors';
import { toNumber } from './decode';
import { writeBundleStories } from './stories.repo';
import { rebuildEventDays } from './event-days.repo';
import {
  CASE_COUNTS,
  CASE_EXISTS,
  CHECK_CITATIONS_EXIST,
  DELETED_CASE_EXISTS,
  DELETE_TOMBSTONE,
  MERGE_CASE,
  MERGE_CITATIONS,
  MERGE_ENTITIES,
  MERGE_SOURCES,
  PRUNE_CASE,
  PURGE_CASE_RECORDS,
  TOMBSTONE_CASE,
  WRITE_EVENTS,
  WRITE_PARTICIPATIONS,
  WRITE_RELATIONS,
} from './queries/import.queries';

export interface CaseCounts {
  sources: number;
  citations: number;
  entities: number;
  events: number;
  participations: number;
  relations: number;
  eventSupports: number;
}

/**
 * Writes a whole case in one transaction: it is either all there afterwards or not changed at all.
 * Idempotent: the same bundle twice leaves the same graph. A newer version of the case replaces
 * the older one (records it no longer has are removed).
 */
export interface ImportOptions {
  /** Called after each step with what was done and how long it took (CLI progress, benchmarks). */
  onProgress?: (step: string, ms: number) => void;
  /**
   * With stories in the bundle: true makes them the case's only stories (a bundle import or a
   * restore); false (a case folder being loaded) upserts them and keeps stories editors added.
   */
  pruneStories?: boolean;
}

export async function importCaseBundle(input: unknown, options: ImportOptions = {}): Promise<CaseCounts> {
  let last = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    options.onProgress?.(name, now - last);
    last = now;
  };
  const parsed = CaseBundle.safeParse(input);
  if (!parsed.success) {
    throw new InvariantError('the case bundle is not valid', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const bundle = parsed.data;
  const problems = checkBundleIntegrity(bundle);
  if (problems.length) throw new InvariantError(`the case bundle breaks ${problems.length} invariant(s)`, problems);
  step(`validated ${bundle.events.length} events, ${bundle.entities.length} entities, ${bundle.citations.length} citations`);
  const rows = encodeBundle(bundle);
  const caseId = rows.caseId;
  step('encoded');

  await writeTransaction(async (tx) => {
    last = performance.now(); // a retried transaction starts its timings again
    // The case first: its write lock orders this import against a deletion of the same case.
    await tx.run(MERGE_CASE, { case: rows.case });
    await refuseWhileDeleting(tx, caseId);
    await tx.run(MERGE_SOURCES, { caseId, rows: rows.sources });
    step(`sources (${rows.sources.length})`);
    await tx.run(MERGE_CITATIONS, { rows: rows.citations });
    step(`citations (${rows.citations.length})`);
    await tx.run(MERGE_ENTITIES, { caseId, rows: rows.entities });
    step(`entities (${rows.entities.length})`);
    await requireCitations(tx, 'event', rows.events);
    step('events: citations checked');
    await tx.run(WRITE_EVENTS, { caseId, rows: rows.events });
    step(`events (${rows.events.length})`);
    await requireCitations(tx, 'participation', rows.participations);
    step('participations: citations checked');
    await tx.run(WRITE_PARTICIPATIONS, { rows: rows.participations });
    step(`participations (${rows.participations.length})`);
    await requireCitations(tx, 'relation', rows.relations);
    for (const type of RELATION_TYPES) {
      const ofType = rows.relations.filter((r) => r.type === type);
      if (ofType.length) await tx.run(WRITE_RELATIONS[type], { rows: ofType });
    }
    step(`relations (${rows.relations.length})`);
    await tx.run(PRUNE_CASE, {
      caseId,
      eventIds: rows.events.map((e) => e.id),
      entityIds: rows.entities.map((e) => e.id),
      citationIds: rows.citations.map((c) => c.id),
      sourceIds: rows.sources.map((s) => s.id),
      participationIds: rows.participations.map((p) => p.id),
      relationIds: rows.relations.map((r) => r.id),
    });
    step('pruned what the case no longer has');
    await rebuildEventDays(tx, caseId);
    step('day rollups rebuilt');
    if (bundle.stories) {
      await writeBundleStories(tx, caseId, bundle.stories, { prune: options.pruneStories ?? false });
      step(`stories (${bundle.stories.length})`);
    }
  });
  step('committed');
  const counts = (await getCaseCounts(caseId))!;
  step('counted');
  return counts;
}

/**
 * The invariant "nothing without its words", enforced where the data lands: any row whose
 * citations are absent from the database aborts the transaction it is in.
 */
export async function requireCitations(
  tx: ManagedTransaction,
  what: string,
  rows: ReadonlyArray<{ id: string; citationIds: readonly string[] }>,
): Promise<void> {
  if (rows.length === 0) return;
  const res = await tx.run(CHECK_CITATIONS_EXIST, { rows: rows.map((r) => ({ id: r.id, citationIds: r.citationIds })) });
  if (res.records.length) {
    const missing = res.records.map((r) => ({ id: r.get('id') as string, citationIds: r.get('wanted') as string[] }));
    throw new InvariantError(
      `refused: ${missing.length} ${what}(s) without existing citations (every ${what} must cite the passage that supports it)`,
      missing,
    );
  }
}

export async function caseExists(caseId: string): Promise<boolean> {
  return (await read(CASE_EXISTS, { caseId })).records.length > 0;
}

export async function getCaseCounts(caseId: string): Promise<CaseCounts | null> {
  const rec = (await read(CASE_COUNTS, { caseId })).records[0];
  if (!rec) return null;
  const n = (k: keyof CaseCounts) => toNumber(rec.get(k));
  return {
    sources: n('sources'),
    citations: n('citations'),
    entities: n('entities'),
    events: n('events'),
    participations: n('participations'),
    relations: n('relations'),
    eventSupports: n('eventSupports'),
  };
}

/**
 * Deletes a case and everything in it, whatever its size: hidden at once (one transaction), then
 * removed in batches, then the tombstone (import.queries.ts TOMBSTONE_CASE). Safe to run again:
 * a deletion cut short is finished by the next call; a case that is not there is a no-op.
 */
export async function deleteCase(caseId: string): Promise<void> {
  await writeTransaction((tx) => tx.run(TOMBSTONE_CASE, { caseId }));
  for (const purge of PURGE_CASE_RECORDS) await writeInBatches(purge, { caseId });
  await writeTransaction((tx) => tx.run(DELETE_TOMBSTONE, { caseId }));
}

/** An import of a case whose deletion has not finished would mix with its remains: refused. */
async function refuseWhileDeleting(tx: ManagedTransaction, caseId: string): Promise<void> {
  const res = await tx.run(DELETED_CASE_EXISTS, { caseId });
  if (res.records[0]?.get('deleting') === true) {
    throw new ConflictError(`case ${caseId} is being deleted; import it again once its deletion has finished`);
  }
}
