import type { CaseView, EventListItem } from './api/views';
import { ENTITY_TYPES, EVENT_KINDS, EVENT_STATUSES, type EntityType, type EventKind, type EventStatus } from './model/vocab';

/**
 * What the analyst has chosen to hide. Pure state and a pure `applyFilters`, shared by the
 * timeline, the network and their lists, so both views always hide the same things.
 *
 * Filters hide, they never invent: hiding an entity type removes those entities and their
 * relationships but keeps the events they took part in; hiding publishers or sources removes only
 * the events for which every source is hidden (an event another source still supports stays).
 */
export interface Filters {
  entityTypes: readonly EntityType[];
  eventKinds: readonly EventKind[];
  statuses: readonly EventStatus[];
  publishers: readonly string[];
  sourceIds: readonly string[];
}

export const NO_FILTERS: Filters = { entityTypes: [], eventKinds: [], statuses: [], publishers: [], sourceIds: [] };

export type FilterAction =
  | { type: 'toggle'; facet: 'entityTypes'; value: EntityType }
  | { type: 'toggle'; facet: 'eventKinds'; value: EventKind }
  | { type: 'toggle'; facet: 'statuses'; value: EventStatus }
  | { type: 'toggle'; facet: 'publishers' | 'sourceIds'; value: string }
  | { type: 'reset' }
  | { type: 'replace'; filters: Filters };

/** Keeps each list in a canonical order, so equal filters encode to equal URLs. */
export function normaliseFilters(f: Filters): Filters {
  const inOrder = <T extends string>(values: readonly T[], order: readonly T[]) => order.filter((v) => values.includes(v));
  const sorted = (values: readonly string[]) => [...new Set(values)].sort();
  return {
    entityTypes: inOrder(f.entityTypes, ENTITY_TYPES),
    eventKinds: inOrder(f.eventKinds, EVENT_KINDS),
    statuses: inOrder(f.statuses, EVENT_STATUSES),
    publishers: sorted(f.publishers),
    sourceIds: sorted(f.sourceIds),
  };
}

export function filtersReducer(state: Filters, action: FilterAction): Filters {
  switch (action.type) {
    case 'reset':
      return isEmptyFilters(state) ? state : NO_FILTERS;
    case 'replace':
      return sameFilters(state, action.filters) ? state : normaliseFilters(action.filters);
    case 'toggle': {
      const current = state[action.facet] as readonly string[];
      const next = current.includes(action.value) ? current.filter((v) => v !== action.value) : [...current, action.value];
      return normaliseFilters({ ...state, [action.facet]: next });
    }
  }
}

export function isEmptyFilters(f: Filters): boolean {
  return !f.entityTypes.length && !f.eventKinds.length && !f.statuses.length && !f.publishers.length && !f.sourceIds.length;
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return JSON.stringify(normaliseFilters(a)) === JSON.stringify(normaliseFilters(b));
}

export interface HiddenCounts {
  events: number;
  entities: number;
  relationships: number;
}

export interface FilteredView {
  view: CaseView;
  hidden: HiddenCounts;
}

/** The view with hidden items removed, and how many of each were hidden. */
export function applyFilters(view: CaseView, filters: Filters): FilteredView {
  if (isEmptyFilters(filters)) return { view, hidden: { events: 0, entities: 0, relationships: 0 } };
  const hiddenSources = new Set(filters.sourceIds);
  for (const s of view.sources) if (filters.publishers.includes(s.publisher)) hiddenSources.add(s.id);

  const keepEvent = (e: EventListItem) =>
    !filters.eventKinds.includes(e.kind) &&
    !filters.statuses.includes(e.status) &&
    // An event with no known source cannot be hidden by a source filter.
    (hiddenSources.size === 0 || e.sourceIds.length === 0 || e.sourceIds.some((id) => !hiddenSources.has(id)));
  const events = view.events.filter(keepEvent);
  const nodes = view.graph.nodes.filter((n) => !filters.entityTypes.includes(n.type));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const eventIds = new Set(events.map((e) => e.id));
  const edges = view.graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target));
  const participations = view.graph.participations.filter((p) => nodeIds.has(p.entityId) && eventIds.has(p.eventId));

  return {
    view: {
      ...view,
      events: events.map((e) =>
        e.participantIds.every((id) => nodeIds.has(id)) ? e : { ...e, participantIds: e.participantIds.filter((id) => nodeIds.has(id)) },
      ),
      graph: { nodes, edges, participations },
    },
    hidden: {
      events: view.events.length - events.length,
      entities: view.graph.nodes.length - nodes.length,
      relationships: view.graph.edges.length - edges.length,
    },
  };
}

/** "3 events, 8 entities and 9 relationships hidden by filters", or null when nothing is hidden. */
export function hiddenSummary(h: HiddenCounts): string | null {
  const counted: Array<[number, string, string]> = [
    [h.events, 'event', 'events'],
    [h.entities, 'entity', 'entities'],
    [h.relationships, 'relationship', 'relationships'],
  ];
  const parts = counted.filter(([n]) => n > 0).map(([n, one, many]) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`);
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${list} hidden by filters`;
}
