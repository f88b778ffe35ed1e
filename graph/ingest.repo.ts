import { applyReview, sourceIdFor, type IngestDelta } from '../lib/ingest/review';
import type { KnownEntity } from '../lib/ingest/mentions';
import type { IngestCommitResult } from '../lib/ingest/runner';
import type { Case } from '../lib/model/case';
import { read, writeTransaction } from './driver';
import { toPlain } from './decode';
import { encodeBundle } from './encode';
import { InvariantError, NotFoundError } from './errors';
import { requireCitations } from './import.repo';
import { refreshEventDaysAround } from './event-days.repo';
import { MERGE_CITATIONS, MERGE_SOURCES, WRITE_EVENTS, WRITE_PARTICIPATIONS } from './queries/import.queries';
import { ADD_ENTITIES, ADD_RELATIONS, CASE_FOR_INGEST, SOURCE_BY_HASH } from './queries/ingest.queries';
import { RELATION_TYPES } from '../lib/model/vocab';

/**
 * The graph side of ingest: what the pipeline needs to know about a case, and the commit of a
 * reviewed article, in ONE transaction that adds to the case and never prunes it. Either the
 * source, its citations, entities, events and participations are all there afterwards, or
 * nothing changed.
 */
export interface CaseForIngest {
  case: Case;
  entities: KnownEntity[];
}

export async function getCaseForIngest(caseId: string): Promise<CaseForIngest | null> {
  const rec = (await read(CASE_FOR_INGEST, { caseId })).records[0];
  if (!rec) return null;
  const c = toPlain(rec.get('case')) as Case;
  const entities = (toPlain(rec.get('entities')) as Array<{ id: string; type: KnownEntity['type']; name: string; aliases: string[] | null }>).map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: (e.aliases ?? []).map((name) => ({ name })),
  }));
  return { case: { id: c.id, title: c.title, summary: c.summary ?? '' }, entities };
}

export async function findSourceByHash(caseId: string, contentHash: string): Promise<string | null> {
  const rec = (await read(SOURCE_BY_HASH, { caseId, contentHash })).records[0];
  return rec ? (rec.get('id') as string) : null;
}

export type CommitResult = IngestCommitResult;

/** Writes a reviewed delta. Re-checks in the transaction what may have changed since review. */
export async function writeIngestDelta(delta: IngestDelta): Promise<CommitResult> {
  const b = delta.bundle;
  const caseId = b.case.id;
  const source = b.sources[0]!;
  const rows = encodeBundle(b);
  const linked = new Set(delta.linkedEntityIds);
  return writeTransaction(async (tx) => {
    const exists = await tx.run('MATCH (c:Case {id: $caseId}) RETURN c.id AS id', { caseId });
    if (exists.records.length === 0) throw new NotFoundError(`no case ${caseId}`);
    // Same text already in the case (checked again here: another commit may have landed since review).
    const dup = await tx.run(SOURCE_BY_HASH, { caseId, contentHash: source.contentHash });
    if (dup.records.length) {
      const sourceId = dup.records[0]!.get('id') as string;
      return { status: 'unchanged' as const, sourceId, message: 'This article (same content hash) is already in the case: nothing was changed.' };
    }
    await tx.run(MERGE_SOURCES, { caseId, rows: rows.sources });
    await tx.run(MERGE_CITATIONS, { rows: rows.citations });
    const entityRows = rows.entities.map((e) => ({
      id: e.id,
      create: !linked.has(e.id),
      props: e.props,
      citationIds: e.citationIds,
      newAliases: delta.newAliases.filter((a) => a.entityId === e.id).map((a) => ({ name: a.name, lang: a.lang })),
    }));
    const written = await tx.run(ADD_ENTITIES, { caseId, rows: entityRows });
    const found = new Set(written.records.map((r) => r.get('id') as string));
    const missing = entityRows.filter((r) => !found.has(r.id)).map((r) => r.id);
    if (missing.length) {
      // Thrown after writes on purpose: the transaction is rolled back whole, source and citations included.
      throw new InvariantError(`refused: ${missing.length} entit(ies) the review linked to are no longer in case ${caseId}`, missing);
    }
    await requireCitations(tx, 'event', rows.events);
    const refreshDays = await refreshEventDaysAround(tx, caseId, rows.events.map((e) => e.id));
    await tx.run(WRITE_EVENTS, { caseId, rows: rows.events });
    await refreshDays();
    await requireCitations(tx, 'participation', rows.participations);
    await tx.run(WRITE_PARTICIPATIONS, { rows: rows.participations });
    await requireCitations(tx, 'relation', rows.relations);
    for (const type of RELATION_TYPES) {
      const ofType = rows.relations.filter((r) => r.type === type);
      if (!ofType.length) continue;
      const done = await tx.run(ADD_RELATIONS[type], { caseId, rows: ofType });
      if (done.records.length !== ofType.length) {
        // Both ends were written above in this transaction; a missing one means the case changed under us.
        throw new InvariantError(`refused: ${ofType.length - done.records.length} ${type} relationship(s) lost an end in case ${caseId}`, ofType.map((r) => r.id));
      }
    }
    return {
      status: 'committed' as const,
      sourceId: source.id,
      counts: delta.counts,
      eventIds: b.events.map((e) => e.id),
      message: `Committed ${delta.counts.events} event(s), ${delta.counts.newEntities} new and ${delta.counts.linkedEntities} existing entit(ies), ${delta.counts.relations} relationship(s), ${delta.counts.citations} citation(s).`,
    };
  });
}

/** Review + write: the commit as the API and the CLI call it. */
export async function commitReviewed(document: unknown, decisions: unknown, today: string): Promise<CommitResult> {
  const caseId = (document as { caseId?: unknown } | null)?.caseId;
  if (typeof caseId !== 'string') throw new InvariantError('the proposals document names no case');
  const ctx = await getCaseForIngest(caseId);
  if (!ctx) throw new NotFoundError(`no case ${caseId}`);
  const hash = (document as { source?: { contentHash?: unknown } }).source?.contentHash;
  if (typeof hash === 'string') {
    const existing = await findSourceByHash(caseId, hash);
    if (existing) return { status: 'unchanged', sourceId: existing, message: 'This article (same content hash) is already in the case: nothing was changed.' };
  }
  const delta = applyReview(document, decisions, { case: ctx.case, entities: ctx.entities, retrieved: today });
  return writeIngestDelta(delta);
}

export { sourceIdFor };
