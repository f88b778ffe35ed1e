import type { CaseView, EventListItem } from '../api/views';
import { EVENT_KINDS, EVENT_STATUSES, type EntityType } from '../model/vocab';
import type { LaneMode } from '../url-state';
import { STATUS_DISPLAY } from './display';

/**
 * Timeline lanes (vis-timeline groups): by event kind, by main actor, or by status. Pure.
 *
 * The main actor of an event is a judgement the sources do not make, so the rule is plain and
 * stated in the lane heading's tooltip: among the event's participants that can act (people,
 * organisations, groups), the one taking part in the most events of the case; ties by name.
 * Events with no such participant share a "No named actor" lane, last.
 */

export interface Lane {
  id: string;
  /** Plain text; the canvas renders it with DOM nodes. */
  label: string;
  order: number;
}

export interface Lanes {
  lanes: Lane[];
  laneOf: ReadonlyMap<string, string>;
}

const ACTOR_TYPES: ReadonlySet<EntityType> = new Set(['person', 'organisation', 'group']);
export const NO_ACTOR_LANE = 'lane-no-actor';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function participantsOf(event: EventListItem, view: Pick<CaseView, 'graph'>): string[] {
  const ids = new Set(event.participantIds);
  for (const p of view.graph.participations) if (p.eventId === event.id) ids.add(p.entityId);
  return [...ids];
}

export function mainActors(view: Pick<CaseView, 'events' | 'graph'>): Map<string, string | null> {
  const nodes = new Map(view.graph.nodes.map((n) => [n.id, n]));
  const eventCount = new Map<string, number>();
  const participants = new Map(view.events.map((e) => [e.id, participantsOf(e, view)]));
  for (const ids of participants.values()) for (const id of ids) eventCount.set(id, (eventCount.get(id) ?? 0) + 1);
  const result = new Map<string, string | null>();
  for (const e of view.events) {
    const actors = (participants.get(e.id) ?? [])
      .map((id) => nodes.get(id))
      .filter((n): n is NonNullable<typeof n> => n !== undefined && ACTOR_TYPES.has(n.type))
      .sort((a, b) => (eventCount.get(b.id) ?? 0) - (eventCount.get(a.id) ?? 0) || a.name.localeCompare(b.name, 'en'));
    result.set(e.id, actors[0]?.id ?? null);
  }
  return result;
}

/** null for 'none': the timeline then has no lanes at all. Only lanes that hold an event exist. */
export function timelineLanes(mode: LaneMode, view: Pick<CaseView, 'events' | 'graph'>): Lanes | null {
  if (mode === 'none') return null;
  const laneOf = new Map<string, string>();
  if (mode === 'kind' || mode === 'status') {
    const values: readonly string[] = mode === 'kind' ? EVENT_KINDS : EVENT_STATUSES;
    const used = new Set<string>();
    for (const e of view.events) {
      const v = mode === 'kind' ? e.kind : e.status;
      used.add(v);
      laneOf.set(e.id, `lane-${v}`);
    }
    const lanes = values
      .filter((v) => used.has(v))
      .map((v, order) => ({ id: `lane-${v}`, label: mode === 'kind' ? capitalise(v) : STATUS_DISPLAY[v as keyof typeof STATUS_DISPLAY].label, order }));
    return { lanes, laneOf };
  }
  const actors = mainActors(view);
  const names = new Map(view.graph.nodes.map((n) => [n.id, n.name]));
  const counts = new Map<string, number>();
  for (const e of view.events) {
    const actor = actors.get(e.id) ?? null;
    const lane = actor ? `lane-${actor}` : NO_ACTOR_LANE;
    laneOf.set(e.id, lane);
    counts.set(lane, (counts.get(lane) ?? 0) + 1);
  }
  const lanes = [...counts.entries()]
    .map(([id, n]) => ({ id, n, label: id === NO_ACTOR_LANE ? 'No named actor' : names.get(id.slice('lane-'.length)) ?? id }))
    .sort((a, b) => Number(a.id === NO_ACTOR_LANE) - Number(b.id === NO_ACTOR_LANE) || b.n - a.n || a.label.localeCompare(b.label, 'en'))
    .map(({ id, label }, order) => ({ id, label, order }));
  return { lanes, laneOf };
}

export const LANE_LABELS: Record<LaneMode, string> = {
  none: 'No lanes',
  kind: 'By kind',
  actor: 'By main actor',
  status: 'By status',
};
