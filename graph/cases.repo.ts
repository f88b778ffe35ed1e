import { CaseGraph, CaseSummary, CaseView, EventListItem, GraphEdge, GraphNode, GraphParticipation } from '../lib/api/views';
import { SourceSummary } from '../lib/model/source';
import { read } from './driver';
import { toPlain, type Props } from './decode';
import { GET_CASE, LIST_CASES, LIST_ENTITIES, LIST_EVENTS, LIST_PARTICIPATIONS, LIST_RELATIONS, LIST_SOURCES } from './queries/read.queries';

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

/** Events of a case overlapping the window, in time order. Null when the case does not exist. */
export async function listEvents(caseId: string, window: TimeWindow = {}): Promise<EventListItem[] | null> {
  const [found, res] = await Promise.all([getCase(caseId), read(LIST_EVENTS, { caseId, ...windowParams(window) })]);
  if (!found) return null;
  return column(res.records, 'event').map((e) => EventListItem.parse(e));
}

/**
 * The network for a case. With a window, only relationships valid in it and participations in
 * events overlapping it are returned, and only the entities those touch ("the graph as of the window").
 */
export async function getCaseGraph(caseId: string, window: TimeWindow = {}): Promise<CaseGraph | null> {
  const params = { caseId, ...windowParams(window) };
  const [found, entities, relations, participations] = await Promise.all([
    getCase(caseId),
    read(LIST_ENTITIES, params),
    read(LIST_RELATIONS, params),
    read(LIST_PARTICIPATIONS, params),
  ]);
  if (!found) return null;
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

/** Everything the case page needs, in one call. */
export async function getCaseView(caseId: string): Promise<CaseView | null> {
  const [summary, events, graph, sources] = await Promise.all([
    getCase(caseId),
    listEvents(caseId),
    getCaseGraph(caseId),
    read(LIST_SOURCES, { caseId }),
  ]);
  if (!summary || !events || !graph) return null;
  return {
    case: summary,
    events,
    graph,
    sources: column(sources.records, 's').map((s) => SourceSummary.parse(s)),
  };
}
