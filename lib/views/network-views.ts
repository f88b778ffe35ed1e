import type { CaseView, EventListItem, GraphNode } from '../api/views';
import { RELATION_LABELS } from '../model/vocab';
import type { Linked } from '../selection';
import { ENTITY_TYPE_DISPLAY, STATUS_DISPLAY } from './display';
import type { CoParticipationData, NetworkEdge, NetworkElement, NetworkNode, ParticipationData } from './graph-elements';

export type { CoParticipationData, EventNodeData, ParticipationData } from './graph-elements';

/**
 * The network's two analyst views, as cytoscape elements. Pure, tested headless.
 *
 * - co-participation: entities only; two entities that took part in the same events get an edge
 *   weighted by how many, drawn apart from (and never confused with) the relationships the
 *   sources state, which are drawn too. A shared event is evidence of co-presence, not of a tie.
 * - bipartite: events are nodes too (with the status encoding the timeline uses), linked to their
 *   participants; stated relationships stay as entity-to-entity edges.
 *
 * 'relations' draws stated relationships only: what embeds and presentations show.
 */
export const NETWORK_MODES = ['coparticipation', 'bipartite'] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];
export type NetworkDrawing = NetworkMode | 'relations';

export const NETWORK_MODE_LABELS: Record<NetworkMode, string> = {
  coparticipation: 'Entities (shared events as links)',
  bipartite: 'Entities and events',
};

/** What a focused network is restricted to; null draws the whole (filtered) case. */
export interface NetworkScope {
  entityIds: ReadonlySet<string>;
  eventIds: ReadonlySet<string>;
}

/** What the list view (the canvas's text alternative) says about one drawn entity. */
export interface EntitySummary {
  node: GraphNode;
  relationships: number;
  /** Entities it shares at least one drawn event with (co-participation view). */
  sharesEventsWith: number;
  /** Drawn events it takes part in (bipartite view). */
  events: number;
}

export interface NetworkModel {
  drawing: NetworkDrawing;
  elements: NetworkElement[];
  entities: GraphNode[];
  /** Event nodes, in the view's date order; empty unless bipartite. */
  events: EventListItem[];
  summaries: ReadonlyMap<string, EntitySummary>;
}

export const COPARTICIPATION_PREFIX = 'cop:';
export const PARTICIPATION_PREFIX = 'par:';
const MAX_EDGE_WIDTH = 7;

/** Event → its participants, from both places the view records them (deduplicated). */
export function participantsByEvent(view: Pick<CaseView, 'events' | 'graph'>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const e of view.events) out.set(e.id, new Set(e.participantIds));
  for (const p of view.graph.participations) out.get(p.eventId)?.add(p.entityId);
  return new Map([...out].map(([id, set]) => [id, [...set].sort()]));
}

export function eventNodeLabel(e: Pick<EventListItem, 'title' | 'status'>): string {
  const d = STATUS_DISPLAY[e.status];
  // The doubtful statuses say so in words on the canvas, as on the timeline: never colour alone.
  return d.mark ? `${d.mark} ${d.label.toUpperCase()}: ${e.title}` : e.title;
}

/** Shared events between two entities, counted elsewhere (the large case's window network, by the server). */
export interface SharedEventsPair {
  source: string;
  target: string;
  weight: number;
}

/**
 * `shared`: the co-participation pairs as counted by the server, instead of counting them from
 * `view.events` (which then need not hold every event of the window).
 */
export function networkModel(
  view: Pick<CaseView, 'events' | 'graph'>,
  drawing: NetworkDrawing,
  scope: NetworkScope | null = null,
  shared: readonly SharedEventsPair[] | null = null,
): NetworkModel {
  const entities = view.graph.nodes.filter((n) => !scope || scope.entityIds.has(n.id));
  const entityIds = new Set(entities.map((n) => n.id));
  const events = view.events.filter((e) => !scope || scope.eventIds.has(e.id));
  const participants = participantsByEvent(view);
  const roles = new Map(view.graph.participations.map((p) => [`${p.eventId} ${p.entityId}`, p.role]));

  const nodes: NetworkNode[] = entities.map((n) => ({
    group: 'nodes',
    data: { id: n.id, label: n.name, type: n.type, typeLabel: ENTITY_TYPE_DISPLAY[n.type].label },
    classes: `type-${n.type}`,
  }));
  // An edge to an entity that is not drawn would make cytoscape throw.
  const relations: NetworkEdge[] = view.graph.edges
    .filter((e) => entityIds.has(e.source) && entityIds.has(e.target))
    .map((e) => ({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, type: e.type, label: RELATION_LABELS[e.type] },
      classes: `rel-${e.type.toLowerCase()}`,
    }));

  const summaries = new Map<string, EntitySummary>(entities.map((n) => [n.id, { node: n, relationships: 0, sharesEventsWith: 0, events: 0 }]));
  for (const e of relations) {
    summaries.get(e.data.source)!.relationships += 1;
    summaries.get(e.data.target)!.relationships += 1;
  }

  const extra: NetworkElement[] = [];
  if (drawing === 'coparticipation') {
    const pairs = shared
      ? shared.filter((p) => entityIds.has(p.source) && entityIds.has(p.target)).map((p) => ({ ...p, eventIds: [] as string[] }))
      : countSharedEvents(events, participants, entityIds);
    for (const { source, target, weight: n, eventIds } of pairs) {
      extra.push({
        group: 'edges',
        data: { id: `${COPARTICIPATION_PREFIX}${source}:${target}`, source, target, weight: n, width: Math.min(MAX_EDGE_WIDTH, 1 + n), eventIds, label: n === 1 ? '1 shared event' : `${n} shared events` },
        classes: 'coparticipation',
      });
      summaries.get(source)!.sharesEventsWith += 1;
      summaries.get(target)!.sharesEventsWith += 1;
    }
  } else if (drawing === 'bipartite') {
    for (const e of events) {
      extra.push({
        group: 'nodes',
        data: { id: e.id, label: eventNodeLabel(e), kind: 'event', status: e.status, statusLabel: STATUS_DISPLAY[e.status].label },
        classes: `event status-${e.status}`,
      });
    }
    for (const e of events) {
      for (const entityId of participants.get(e.id) ?? []) {
        if (!entityIds.has(entityId)) continue;
        extra.push({
          group: 'edges',
          data: { id: `${PARTICIPATION_PREFIX}${e.id}:${entityId}`, source: entityId, target: e.id, role: roles.get(`${e.id} ${entityId}`) ?? '' },
          classes: 'participation',
        });
        summaries.get(entityId)!.events += 1;
      }
    }
  }
  return {
    drawing,
    elements: [...nodes, ...extra.filter((el) => el.group === 'nodes'), ...relations, ...extra.filter((el) => el.group === 'edges')],
    entities,
    events: drawing === 'bipartite' ? events : [],
    summaries,
  };
}

/** Pairs of drawn entities that took part in the same events, in the order of their ids. */
function countSharedEvents(events: readonly EventListItem[], participants: ReadonlyMap<string, string[]>, entityIds: ReadonlySet<string>) {
  const pairs = new Map<string, string[]>();
  for (const e of events) {
    const drawn = (participants.get(e.id) ?? []).filter((id) => entityIds.has(id));
    for (let i = 0; i < drawn.length; i++) {
      for (let j = i + 1; j < drawn.length; j++) {
        const key = `${drawn[i]} ${drawn[j]}`;
        const list = pairs.get(key) ?? [];
        list.push(e.id);
        pairs.set(key, list);
      }
    }
  }
  return [...pairs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, eventIds]) => {
      const [source, target] = key.split(' ') as [string, string];
      return { source, target, weight: eventIds.length, eventIds };
    });
}

export interface NetworkHighlight {
  /** Nothing in focus: nothing is highlighted or dimmed. */
  active: boolean;
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  /** Drawn with the selection mark: the selected entity, or in bipartite the selected event. */
  selectedId: string | null;
}

/**
 * What the network highlights for the shared selection (lib/selection.ts `linkedIds`), per view:
 * - an event: its participants; in bipartite the event node and its participation edges too; in
 *   co-participation the shared-event edges that include it.
 * - an entity: what `linkedIds` links (its relationships and related entities); in bipartite its
 *   events; in co-participation also whom it shares events with, along those edges.
 */
export function networkHighlight(linked: Linked, model: NetworkModel): NetworkHighlight {
  const selected = linked.selected;
  const drawnIds = new Set(model.elements.filter((el) => el.group === 'nodes').map((el) => el.data.id));
  const selectedId = selected && drawnIds.has(selected.id) ? selected.id : null;
  const focus = linked.focus;
  if (!focus) return { active: false, nodeIds: new Set(), edgeIds: new Set(), selectedId };

  const nodeIds = new Set<string>([...linked.entityIds].filter((id) => drawnIds.has(id)));
  const edgeIds = new Set<string>(linked.edgeIds);
  for (const el of model.elements) {
    if (el.group !== 'edges') continue;
    if (el.classes === 'coparticipation') {
      const d = el.data as CoParticipationData;
      // An event: the pairs of its participants (the link's own list of events may be unknown:
      // a large case's links are counted by the server).
      const about =
        focus.kind === 'event'
          ? d.eventIds.includes(focus.id) || (linked.entityIds.has(d.source) && linked.entityIds.has(d.target))
          : d.source === focus.id || d.target === focus.id;
      if (!about) continue;
      edgeIds.add(d.id);
      nodeIds.add(d.source);
      nodeIds.add(d.target);
    } else if (el.classes === 'participation') {
      const d = el.data as ParticipationData;
      const about = focus.kind === 'event' ? d.target === focus.id : d.source === focus.id && linked.eventIds.has(d.target);
      if (!about) continue;
      edgeIds.add(d.id);
      nodeIds.add(d.source);
      nodeIds.add(d.target);
    }
  }
  if (model.drawing === 'bipartite') for (const id of linked.eventIds) if (drawnIds.has(id)) nodeIds.add(id);
  return { active: true, nodeIds, edgeIds, selectedId };
}
