import { SourceSummary } from '../lib/model/source';
import { EventFacets, WINDOW_NETWORK_MAX_PAIRS, SharedEvents, type WindowNetwork, type WindowNetworkQuery } from '../lib/api/large-case';
import { GraphEdge, GraphNode } from '../lib/api/views';
import { getCase, type TimeWindow } from './cases.repo';
import { decodeEntity, toNumber, toPlain, type Props } from './decode';
import { neo4j, read } from './driver';
import { EVENT_FACETS, LIST_SOURCES_HEAD, WINDOW_NETWORK_ENTITIES, WINDOW_NETWORK_RELATIONS, WINDOW_NETWORK_SHARED } from './queries/large-case.queries';

/** Bounds that stand for an open side of the window: every partial date lies strictly between them. */
const OPEN_FROM = '0001-01-01T00:00:00Z';
const OPEN_TO = '9999-12-31T23:59:59.999Z';

/**
 * The network of one window of a case, bounded whatever the case's size (the large case page's
 * network): the `limit` entities taking part in most of the window's visible events, the stated
 * relationships among them valid in the window, and their heaviest shared-event pairs. Null when
 * the case does not exist.
 */
export async function getWindowNetwork(
  caseId: string,
  window: TimeWindow,
  options: Pick<WindowNetworkQuery, 'limit' | 'hideKind' | 'hideStatus'>,
): Promise<WindowNetwork | null> {
  const bounds = { from: window.from ?? OPEN_FROM, to: window.to ?? OPEN_TO };
  const params = { caseId, ...bounds, hideKinds: options.hideKind, hideStatuses: options.hideStatus };
  const [found, ranked] = await Promise.all([getCase(caseId), read(WINDOW_NETWORK_ENTITIES, { ...params, limit: neo4j.int(options.limit) })]);
  if (!found) return null;
  const row = ranked.records[0];
  const raw = (row ? toPlain(row.get('entities')) : []) as Array<Props & { events: number }>;
  const nodes = raw.map((n) => {
    const e = decodeEntity(n, []);
    return GraphNode.parse({ id: e.id, type: e.type, name: e.name, aliases: e.aliases });
  });
  const ids = nodes.map((n) => n.id);
  const [shared, relations] = ids.length
    ? await Promise.all([
        read(WINDOW_NETWORK_SHARED, { ...params, ids, maxPairs: neo4j.int(WINDOW_NETWORK_MAX_PAIRS) }),
        read(WINDOW_NETWORK_RELATIONS, { ids, ...bounds }),
      ])
    : [null, null];
  const pairs = shared?.records[0];
  return {
    from: window.from ?? null,
    to: window.to ?? null,
    limit: options.limit,
    entityTotal: row ? toNumber(row.get('total')) : 0,
    graph: {
      nodes,
      edges: (relations?.records ?? []).map((r) => GraphEdge.parse(toPlain(r.get('r')))),
      participations: [],
    },
    eventCounts: Object.fromEntries(raw.map((n) => [String(n.id), Number(n.events)])),
    shared: pairs ? (toPlain(pairs.get('pairs')) as unknown[]).map((p) => SharedEvents.parse(p)) : [],
    sharedTotal: pairs ? toNumber(pairs.get('total')) : 0,
  };
}

/** The first `limit` sources of a case, by title (a large case's page lists these and counts the rest). */
export async function listSourcesHead(caseId: string, limit: number): Promise<SourceSummary[]> {
  const res = await read(LIST_SOURCES_HEAD, { caseId, limit: neo4j.int(limit) });
  return res.records.map((r) => SourceSummary.parse(toPlain(r.get('s'))));
}

/** How many of a case's events have each (kind, status) (lib/api/large-case.ts). Null when the case does not exist. */
export async function getEventFacets(caseId: string): Promise<EventFacets | null> {
  const [found, res] = await Promise.all([getCase(caseId), read(EVENT_FACETS, { caseId })]);
  if (!found) return null;
  const entries = res.records.map((r) => ({ kind: r.get('kind') as unknown, status: r.get('status') as unknown, count: toNumber(r.get('count')) }));
  return EventFacets.parse({ total: entries.reduce((sum, e) => sum + e.count, 0), entries });
}
