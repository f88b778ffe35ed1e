import type { CaseView } from './api/views';

/**
 * The one selection shared by the timeline, the network, the lists and the details panel.
 * Pure: no DOM, no React, so it is tested in Node and every view derives its highlight from it.
 */

export type SelectionKind = 'event' | 'entity';

export interface SelectionTarget {
  kind: SelectionKind;
  id: string;
}

export interface SelectionState {
  /** What the details panel shows. */
  selected: SelectionTarget | null;
  /** A preview under the pointer; while set, it drives the highlight instead of `selected`. */
  hovered: SelectionTarget | null;
}

export type SelectionAction =
  | { type: 'select'; target: SelectionTarget }
  | { type: 'hover'; target: SelectionTarget | null }
  | { type: 'clear' };

export const initialSelection: SelectionState = { selected: null, hovered: null };

export function sameTarget(a: SelectionTarget | null, b: SelectionTarget | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.id === b.id;
}

/** Returns the same state object when nothing changes, so React can skip the re-render. */
export function selectionReducer(state: SelectionState, action: SelectionAction): SelectionState {
  switch (action.type) {
    case 'select':
      // Selecting ends any preview: on touch screens a "hover" never ends by itself, and a stale
      // preview would keep highlighting something other than what was just chosen.
      return sameTarget(state.selected, action.target) && state.hovered === null
        ? state
        : { selected: { ...action.target }, hovered: null };
    case 'hover':
      return sameTarget(state.hovered, action.target)
        ? state
        : { ...state, hovered: action.target ? { ...action.target } : null };
    case 'clear':
      return state.selected === null && state.hovered === null ? state : initialSelection;
  }
}

export interface Linked {
  selected: SelectionTarget | null;
  /** What the highlight is about: the hovered item if any, else the selected one. */
  focus: SelectionTarget | null;
  eventIds: ReadonlySet<string>;
  entityIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * What to highlight for the current focus.
 * - An event: the event, its participants, and the relationships among those participants.
 * - An entity: the entity, the events it takes part in, its relationships, and its neighbours
 *   along those relationships (co-participation is not a relationship in this version).
 * Ids that are not in the view are never returned: a stale selection highlights nothing.
 */
export function linkedIds(state: SelectionState, view: Pick<CaseView, 'events' | 'graph'>): Linked {
  const focus = state.hovered ?? state.selected;
  const base = { selected: state.selected, focus };
  if (!focus) return { ...base, eventIds: EMPTY, entityIds: EMPTY, edgeIds: EMPTY };

  const nodeIds = new Set(view.graph.nodes.map((n) => n.id));
  const eventIds = new Set<string>();
  const entityIds = new Set<string>();
  const edgeIds = new Set<string>();

  if (focus.kind === 'event') {
    const event = view.events.find((e) => e.id === focus.id);
    if (!event) return { ...base, eventIds: EMPTY, entityIds: EMPTY, edgeIds: EMPTY };
    eventIds.add(event.id);
    const participants = [
      ...event.participantIds,
      ...view.graph.participations.filter((p) => p.eventId === event.id).map((p) => p.entityId),
    ];
    for (const id of participants) if (nodeIds.has(id)) entityIds.add(id);
    for (const edge of view.graph.edges) {
      if (entityIds.has(edge.source) && entityIds.has(edge.target)) edgeIds.add(edge.id);
    }
  } else {
    if (!nodeIds.has(focus.id)) return { ...base, eventIds: EMPTY, entityIds: EMPTY, edgeIds: EMPTY };
    entityIds.add(focus.id);
    for (const edge of view.graph.edges) {
      if (edge.source !== focus.id && edge.target !== focus.id) continue;
      edgeIds.add(edge.id);
      const other = edge.source === focus.id ? edge.target : edge.source;
      if (nodeIds.has(other)) entityIds.add(other);
    }
    const eventsOfEntity = new Set(
      view.graph.participations.filter((p) => p.entityId === focus.id).map((p) => p.eventId),
    );
    for (const event of view.events) {
      if (event.participantIds.includes(focus.id) || eventsOfEntity.has(event.id)) eventIds.add(event.id);
    }
  }
  return { ...base, eventIds, entityIds, edgeIds };
}
