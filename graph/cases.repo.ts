import { EVENTS_PAGE_DEFAULT, EVENTS_PAGE_MAX, encodeEventCursor, type EventCursor } from '../lib/api/params';
import { CaseGraph, CaseSummary, CaseView, EventListItem, GraphEdge, GraphNode, GraphParticipation, type EventPage } from '../lib/api/views';
import { SourceSummary } from '../lib/model/source';
import { LARGE_TIMELINE_EVENTS, isLargeCase } from '../lib/views/timeline-buckets';
import { neo4j, read } from './driver';
import { InvariantError } from './errors';
import { decodeEventListItem, toPlain, type Props } from './decode';
import { GET_CASE, LIST_CASES, LIST_ENTITIES, LIST_EVENTS, LIST_EVENTS_PAGE, LIST_PARTICIPATIONS, LIST_RELATIONS, LIST_SOURCES } from './queries/read.queries';

/** An optional time window, half-open [from, to), as ISO 8601 instants. */
export interface TimeWindow {
  from?: string | null | undefined;
  to?: string | null | undefined;
}
const windowParams = (w: TimeWindow = {}) => ({ from: w.from ?? null, to: w.to ?? null });

const column = (rows: { get(key: string): unknown }[], key: string) => rows.map((r) => toPlain(r.get(key)));

export async function listCases(): Promise<CaseSummary[]> {
  const res = await read(LIST_CASES);
  return column(res.records, 'c').map((c) => CaseSummary.parse(c));
}

export async function getCase(caseId: string): Promise<CaseSummary | null> {
  const rec = (await read(GET_CASE, { caseId })).records[0];
  return rec ? CaseSummary.parse(toPlain(rec.get('c'))) : null;
}

/**
 * The case's summary, refused (InvariantError: 422) when the case holds more than
 * LARGE_TIMELINE_EVENTS events: for what would read the whole case to give one answer (`what`: a
 * static picture, a content version, a published snapshot), which does not scale with the case.
 * Null when the case does not exist.
 */
export async function requireSmallCase(caseId: string, what: string, instead = EMBED_LIVE): Promise<CaseSummary | null> {
  const summary = await getCase(caseId);
  if (summary) refuseLargeCase(summary, what, instead);
  return summary;
}

/** Throws requireSmallCase's InvariantError when the case is large; a summary already read is enough. */
function refuseLargeCase(summary: CaseSummary, what: string, instead: string): void {
  if (!isLargeCase(summary)) return;
  throw new InvariantError(
    `refused: this case holds ${summary.eventCount.toLocaleString('en')} events, and ${what} is made for cases of up to ${LARGE_TIMELINE_EVENTS.toLocaleString('en')}, ` +
      `since it reads the whole case; ${instead}`,
  );
}

const EMBED_LIVE = 'embed it live instead (its embed shows the events per period, bounded)';
const BOUNDED_READS = "ask for the network of a window (GET /api/cases/{caseId}/network) or an entity's neighbourhood instead, both bounded";

/**
 * Every event of a case overlapping the window, in time order, unbounded: for the case page and
 * embeds of a small case (getCaseView). The API pages with listEventsPage. Null when the case does not exist.
 */
export async function listEvents(caseId: string, window: TimeWindow = {}): Promise<EventListItem[] | null> {
  const [found, events] = await Promise.all([getCase(caseId), readEvents(caseId, window)]);
  return found ? events : null;
}

async function readEvents(caseId: string, window: TimeWindow): Promise<EventListItem[]> {
  const res = await read(LIST_EVENTS, { caseId, ...windowParams(window) });
  return res.records.map((r) => decodeEventListItem(r.get('event')));
}

/** Bounds that stand for "open": every partial date (years 100–9999) lies strictly between them. */
const FAR_PAST = '0001-01-01T00:00:00Z';
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

export interface EventPageRequest {
  window?: TimeWindow;
  /** Page size, 1..EVENTS_PAGE_MAX (the API validates; out of range here is a programming error). */
  limit?: number;
  /** Continue after this event (decoded from the previous page's nextCursor). */
  after?: EventCursor | null;
}

/**
 * One page of a case's events overlapping the window, in time order (startAt, then id), for
 * `GET /api/cases/{caseId}/events`. Bounded, and a keyset seek per page: see LIST_EVENTS_PAGE.
 * Null when the case does not exist.
 */
export async function listEventsPage(caseId: string, request: EventPageRequest = {}): Promise<EventPage | null> {
  const limit = request.limit ?? EVENTS_PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > EVENTS_PAGE_MAX) throw new RangeError(`limit must be 1..${EVENTS_PAGE_MAX}`);
  const [found, res] = await Promise.all([
    getCase(caseId),
    read(LIST_EVENTS_PAGE, {
      caseId,
      from: request.window?.from ?? FAR_PAST,
      to: request.window?.to ?? FAR_FUTURE,
      afterStart: request.after?.startAt ?? FAR_PAST,
      afterId: request.after?.id ?? '',
      // One more than the page, to know whether another page follows without a count.
      limit: neo4j.int(limit + 1),
    }),
  ]);
  if (!found) return null;
  const rows = res.records.slice(0, limit);
  const events = rows.map((r) => decodeEventListItem(r.get('event')));
  const last = rows.at(-1);
  const nextCursor = res.records.length > limit && last ? encodeEventCursor({ startAt: String(last.get('sortStart')), id: events.at(-1)!.id }) : null;
  return { events, nextCursor };
}

/**
 * The network for a case. With a window, only relationships valid in it and participations in
 * events overlapping it are returned, and only the entities those touch ("the graph as of the window").
 */
export async function getCaseGraph(caseId: string, window: TimeWindow = {}): Promise<CaseGraph | null> {
  // Checked before the reads: a large case's whole graph (every entity and participation: 2.7 MB in
  // 1.8 s at 10,000 events, by hand) is refused, with the bounded reads to use instead.
  const found = await requireSmallCase(caseId, 'its whole graph', BOUNDED_READS);
  return found ? readCaseGraph(caseId, window) : null;
}

/** The graph's three reads, for a case already known to exist and to be small. */
async function readCaseGraph(caseId: string, window: TimeWindow): Promise<CaseGraph> {
  const params = { caseId, ...windowParams(window) };
  const [entities, relations, participations] = await Promise.all([read(LIST_ENTITIES, params), read(LIST_RELATIONS, params), read(LIST_PARTICIPATIONS, params)]);
  const edges = column(relations.records, 'r').map((r) => GraphEdge.parse(r));
  const parts = column(participations.records, 'p').map((p) => GraphParticipation.parse(p));
  let nodes = column(entities.records, 'n').map((raw) => {
    const n = raw as Props & { aliases: string[] | null; aliasLangs: string[] | null };
    const langs = n.aliasLangs ?? [];
    return GraphNode.parse({
      id: n.id,
      type: n.type,
      name: n.name,
      aliases: (n.aliases ?? []).map((name, i) => ({ name, lang: langs[i] ? langs[i] : null })),
    });
  });
  if (window.from || window.to) {
    const touched = new Set([...edges.flatMap((e) => [e.source, e.target]), ...parts.map((p) => p.entityId)]);
    nodes = nodes.filter((n) => touched.has(n.id));
  }
  return { nodes, edges, participations: parts };
}

/**
 * Everything the case page of a small case needs, in one call: the whole case, so a large one is
 * refused (requireSmallCase's error) before anything is read. `known`: the summary the caller has
 * already read (the pages check the size first), which spares reading it again.
 */
export async function getCaseView(caseId: string, known?: CaseSummary): Promise<CaseView | null> {
  const summary = known ?? (await getCase(caseId));
  if (!summary) return null;
  refuseLargeCase(summary, 'a page holding the whole case', EMBED_LIVE);
  const [events, graph, sources] = await Promise.all([readEvents(caseId, {}), readCaseGraph(caseId, {}), read(LIST_SOURCES, { caseId })]);
  return {
    case: summary,
    events,
    graph,
    sources: column(sources.records, 's').map((s) => SourceSummary.parse(s)),
  };
}
