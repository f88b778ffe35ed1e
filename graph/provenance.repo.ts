import neo4j from 'neo4j-driver';
import { SourceDetail, type CitationSupports } from '../lib/api/views';
import { attributionLinks, type Citation } from '../lib/model/citation';
import { sha256Hex } from '../lib/model/ids';
import { StatusOverride, type StatusOverrideResult } from '../lib/api/event-status';
import { countOutcomes, reanchor, reanchorSpans, type ReanchorCounts, type ReanchorOutcome } from '../lib/provenance/reanchor';
import { read, writeTransaction } from './driver';
import { refreshEventDaysAround } from './event-days.repo';
import { decodeCitation, decodeSource, toNumber, toPlain, type Props } from './decode';
import { ConflictError, InvariantError, NotFoundError } from './errors';
import {
  GET_EVENT_STATUS,
  GET_SOURCE_FOR_REANCHOR,
  GET_SOURCE_READER,
  LIST_SOURCES_FOR_AUDIT,
  SET_EVENT_STATUS,
  UPDATE_CITATION_ANCHORS,
  UPDATE_SOURCE_TEXT,
} from './queries/provenance.queries';

const nodeProps = (v: unknown): Props => (v as { properties: Props }).properties;

/** The source reader's data: the text, its furniture, every citation with its chain and what it supports. */
export async function getSourceReader(id: string): Promise<SourceDetail | null> {
  const rec = (await read(GET_SOURCE_READER, { id })).records[0];
  if (!rec) return null;
  const source = decodeSource(nodeProps(rec.get('source')));
  const citations = (rec.get('citations') as Array<Props & { citation: unknown }>).map((x) => {
    const c = decodeCitation(nodeProps(x.citation));
    const supports = toPlain({ events: x.events, entities: x.entities, participations: x.participations, relations: x.relations }) as CitationSupports;
    return { ...c, attribution: attributionLinks(source, c), supports };
  });
  return SourceDetail.parse({ ...source, citations });
}

export interface CitationReanchorReport {
  id: string;
  status: ReanchorOutcome['status'];
  method: string | null;
  from: { start: number; end: number };
  to: { start: number; end: number } | null;
  quote: string;
  /** The new quote, when the fuzzy step re-quoted it (typography only). */
  requoted: string | null;
  reason: string | null;
  candidate: string | null;
}

export interface ReplaceReport {
  sourceId: string;
  previousContentHash: string;
  contentHash: string;
  /** True when the new text is the stored text: nothing was written. */
  unchanged: boolean;
  counts: ReanchorCounts;
  citations: CitationReanchorReport[];
  furniture: { kept: number; dropped: number };
}

function reportOf(c: Citation, o: ReanchorOutcome): CitationReanchorReport {
  return {
    id: c.id,
    status: o.status,
    method: o.status === 'orphaned' ? null : o.method,
    from: { start: c.start, end: c.end },
    to: o.status === 'orphaned' ? null : { start: o.anchor.start, end: o.anchor.end },
    quote: c.quote,
    requoted: o.status === 'moved' && o.quoteChanged ? o.anchor.quote : null,
    reason: o.status === 'orphaned' ? o.reason : null,
    candidate: o.status === 'orphaned' && o.candidate ? o.candidate.text : null,
  };
}

/** The row that UPDATE_CITATION_ANCHORS writes: an orphan keeps its last quote, context and offsets. */
function anchorRow(c: Citation, o: ReanchorOutcome) {
  const a = o.status === 'orphaned' ? c : o.anchor;
  return {
    id: c.id,
    quote: a.quote,
    prefix: a.prefix,
    suffix: a.suffix,
    start: neo4j.int(a.start),
    end: neo4j.int(a.end),
    orphaned: o.status === 'orphaned',
    method: o.status === 'orphaned' ? null : o.method,
    orphanReason: o.status === 'orphaned' ? o.reason : null,
  };
}

/**
 * Replaces a source's text by a corrected version and re-anchors every citation in it, in one
 * transaction: afterwards the text and all offsets agree, or nothing changed. Citations that cannot
 * be re-anchored become orphans (kept, flagged, listed), never pointed at other words. Furniture
 * spans move with the text; those that cannot be re-found are dropped.
 */
export async function replaceSourceText(sourceId: string, text: string): Promise<ReplaceReport> {
  if (text.length === 0) throw new InvariantError('refused: a source text cannot be empty');
  return writeTransaction(async (tx) => {
    const plan = planReplacement(sourceId, (await tx.run(GET_SOURCE_FOR_REANCHOR, { id: sourceId })).records[0], text);
    if (plan.report.unchanged) return plan.report;
    await tx.run(UPDATE_SOURCE_TEXT, plan.sourceParams);
    if (plan.citationRows.length) await tx.run(UPDATE_CITATION_ANCHORS, { rows: plan.citationRows });
    return plan.report;
  });
}

/** What `replaceSourceText` would do, without writing anything. */
export async function previewReplaceSourceText(sourceId: string, text: string): Promise<ReplaceReport> {
  if (text.length === 0) throw new InvariantError('refused: a source text cannot be empty');
  return planReplacement(sourceId, (await read(GET_SOURCE_FOR_REANCHOR, { id: sourceId })).records[0], text).report;
}

function planReplacement(sourceId: string, rec: { get(key: string): unknown } | undefined, text: string) {
  if (!rec) throw new NotFoundError(`no source ${sourceId}`);
  const source = decodeSource(nodeProps(rec.get('source')));
  const citations = (rec.get('citations') as unknown[]).map((c) => decodeCitation(nodeProps(c)));
  const contentHash = sha256Hex(text);
  const outcomes = citations.map((c) => [c, reanchor(text, c)] as const);
  const furniture = reanchorSpans(source.text, text, source.furniture);
  const report: ReplaceReport = {
    sourceId,
    previousContentHash: source.contentHash,
    contentHash,
    unchanged: contentHash === source.contentHash,
    counts: countOutcomes(outcomes.map(([, o]) => o)),
    citations: outcomes.map(([c, o]) => reportOf(c, o)),
    furniture: { kept: furniture.kept.length, dropped: furniture.dropped.length },
  };
  return {
    report,
    sourceParams: { id: sourceId, text, contentHash, furnitureJson: JSON.stringify(furniture.kept), previousContentHash: source.contentHash },
    citationRows: outcomes.map(([c, o]) => anchorRow(c, o)),
  };
}

export interface AuditReport {
  sources: number;
  counts: ReanchorCounts;
  /** Every citation that is not anchored where it says, by source. */
  problems: Array<CitationReanchorReport & { sourceId: string; sourceTitle: string }>;
  /** Moved citations whose offsets were corrected (only with `fix`). */
  fixed: number;
}

/**
 * Checks every citation (of one case, or all) against its stored source text: anchored at its
 * offsets, findable elsewhere (moved: stale offsets), or not findable (orphaned, including those
 * already flagged). With `fix`, moved citations get their offsets corrected, one transaction per
 * source; orphans are never "fixed" automatically.
 */
export async function auditCitations(options: { caseId?: string | null; fix?: boolean } = {}): Promise<AuditReport> {
  const res = await read(LIST_SOURCES_FOR_AUDIT, { caseId: options.caseId ?? null });
  const report: AuditReport = { sources: res.records.length, counts: { anchored: 0, moved: 0, orphaned: 0 }, problems: [], fixed: 0 };
  for (const rec of res.records) {
    const s = rec.get('source') as { id: string; title: string; text: string };
    const citations = (rec.get('citations') as unknown[]).map((c) => decodeCitation(nodeProps(c)));
    const moved: Array<[Citation, ReanchorOutcome]> = [];
    for (const c of citations) {
      const o = reanchor(s.text, c);
      // A citation flagged as orphan stays one until a text replacement re-anchors it: the audit reports, it does not judge.
      const status = c.orphaned ? 'orphaned' : o.status;
      report.counts[status] += 1;
      if (status !== 'anchored') {
        report.problems.push({ ...reportOf(c, c.orphaned ? { status: 'orphaned', reason: 'flagged as orphan when its source text was replaced', candidate: null } : o), sourceId: s.id, sourceTitle: s.title });
      }
      if (!c.orphaned && o.status === 'moved') moved.push([c, o]);
    }
    if (options.fix && moved.length) {
      await writeTransaction((tx) => tx.run(UPDATE_CITATION_ANCHORS, { rows: moved.map(([c, o]) => anchorRow(c, o)) }));
      report.fixed += moved.length;
    }
  }
  return report;
}

/**
 * An editor sets an event's status, with a reason that is kept and shown beside the status the
 * rules derive (which stays visible). With `expectedVersion`, refused (ConflictError) when someone
 * else changed the status since it was read.
 */
export async function setEventStatus(eventId: string, input: unknown): Promise<StatusOverrideResult> {
  const parsed = StatusOverride.safeParse(input);
  if (!parsed.success) {
    throw new InvariantError(
      `refused: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
      parsed.error.issues,
    );
  }
  const body = parsed.data;
  return writeTransaction(async (tx) => {
    const rec = (await tx.run(GET_EVENT_STATUS, { id: eventId })).records[0];
    if (!rec) throw new NotFoundError(`no event ${eventId}`);
    const current = toNumber(rec.get('version'));
    if (body.expectedVersion !== undefined && body.expectedVersion !== current) {
      throw new ConflictError(`the status was changed meanwhile (version ${current}, expected ${body.expectedVersion}): reload and try again`);
    }
    // The day rollups count events by status: the event's day is recounted in this transaction.
    const refreshDays = await refreshEventDaysAround(tx, String(rec.get('caseId')), [eventId]);
    const res = await tx.run(SET_EVENT_STATUS, { id: eventId, status: body.status, reason: body.reason });
    await refreshDays();
    return { id: eventId, status: body.status, statusReason: body.reason, version: toNumber(res.records[0]!.get('version')) };
  });
}
