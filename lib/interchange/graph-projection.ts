import type { CaseBundle } from '../model/bundle';
import { spanOf } from '../model/partial-date';
import { RELATION_LABELS } from '../model/vocab';

/**
 * The case as one property graph, the common ground of GraphML, GEXF and Cytoscape JSON: entities
 * and events are nodes (events are nodes, not edges, as in the model); relationships between
 * entities and participations of entities in events are directed edges. Every attribute is declared
 * once with its type, so each format can write typed attributes; an absent value is left out.
 */
export type AttrType = 'string' | 'int' | 'boolean';
export interface AttrDef {
  name: string;
  type: AttrType;
  title: string;
}
export type AttrValue = string | number | boolean;

export const NODE_ATTRS: readonly AttrDef[] = [
  { name: 'label', type: 'string', title: 'Label' },
  { name: 'nodeKind', type: 'string', title: 'entity or event' },
  { name: 'entityType', type: 'string', title: 'Entity type' },
  { name: 'aliases', type: 'string', title: 'Aliases, separated by |' },
  { name: 'eventKind', type: 'string', title: 'Event kind' },
  { name: 'status', type: 'string', title: 'Status (confirmed, reported, alleged, disputed, denied)' },
  { name: 'start', type: 'string', title: 'Start as written (partial date)' },
  { name: 'end', type: 'string', title: 'End as written (partial date)' },
  { name: 'precision', type: 'string', title: 'Precision of the start' },
  { name: 'approximate', type: 'boolean', title: 'Start is approximate' },
  { name: 'timeZone', type: 'string', title: 'IANA time zone' },
  { name: 'startAt', type: 'string', title: 'Earliest instant (ISO 8601, UTC)' },
  { name: 'endAt', type: 'string', title: 'First instant after the end (ISO 8601, UTC)' },
  { name: 'description', type: 'string', title: 'Description' },
  { name: 'citationCount', type: 'int', title: 'Citations' },
];

export const EDGE_ATTRS: readonly AttrDef[] = [
  { name: 'label', type: 'string', title: 'Label' },
  { name: 'edgeKind', type: 'string', title: 'relation or participation' },
  { name: 'relationType', type: 'string', title: 'Relationship type' },
  { name: 'role', type: 'string', title: 'Role in the event' },
  { name: 'validFrom', type: 'string', title: 'Valid from (partial date)' },
  { name: 'validTo', type: 'string', title: 'Valid to (partial date)' },
  { name: 'citationCount', type: 'int', title: 'Citations' },
];

export interface ProjectedNode {
  id: string;
  attrs: Record<string, AttrValue>;
}
export interface ProjectedEdge {
  id: string;
  source: string;
  target: string;
  attrs: Record<string, AttrValue>;
}
export interface ProjectedGraph {
  id: string;
  title: string;
  nodes: ProjectedNode[];
  edges: ProjectedEdge[];
}

const defined = (o: Record<string, AttrValue | null | undefined>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Record<string, AttrValue>;

export function projectGraph(b: CaseBundle): ProjectedGraph {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
  const nodes: ProjectedNode[] = [
    ...byId(b.entities).map((e) => ({
      id: e.id,
      attrs: defined({
        label: e.name,
        nodeKind: 'entity',
        entityType: e.type,
        aliases: e.aliases.map((a) => a.name).join(' | '),
        description: e.description,
        citationCount: e.citationIds.length,
      }),
    })),
    ...byId(b.events).map((e) => {
      const span = spanOf(e.start, e.end, e.timeZone);
      return {
        id: e.id,
        attrs: defined({
          label: e.title,
          nodeKind: 'event',
          eventKind: e.kind,
          status: e.status,
          start: e.start,
          end: e.end,
          precision: e.precision,
          approximate: e.approximate,
          timeZone: e.timeZone,
          startAt: span.earliest,
          endAt: span.until,
          description: e.description,
          citationCount: e.citationIds.length,
        }),
      };
    }),
  ];
  const edges: ProjectedEdge[] = [
    ...byId(b.relations).map((r) => ({
      id: r.id,
      source: r.fromId,
      target: r.toId,
      attrs: defined({
        label: RELATION_LABELS[r.type],
        edgeKind: 'relation',
        relationType: r.type,
        validFrom: r.validFrom,
        validTo: r.validTo,
        citationCount: r.citationIds.length,
      }),
    })),
    ...byId(b.participations).map((p) => ({
      id: p.id,
      source: p.entityId,
      target: p.eventId,
      attrs: defined({ label: p.role, edgeKind: 'participation', role: p.role, citationCount: p.citationIds.length }),
    })),
  ];
  return { id: b.case.id, title: b.case.title, nodes, edges };
}

/** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
