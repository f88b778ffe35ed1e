import { NO_FILTERS, normaliseFilters, type Filters } from './filters';
import { idKindOf } from './model/ids';
import { ENTITY_TYPES, EVENT_KINDS, EVENT_STATUSES, type EntityType, type EventKind, type EventStatus } from './model/vocab';
import type { SelectionTarget } from './selection';

/**
 * The part of the case page that lives in the URL, so a reload or a shared link shows the same
 * view: the selection, the timeline's visible window, the lane grouping and the filters. Pure
 * encode/decode; decoding never trusts the URL (unknown values are dropped, not errors, because a
 * stale link should still open the case).
 *
 *   ?sel=evt_…&from=2022-01-10T00:00&to=2022-01-17T00:00&lanes=kind&hideStatus=alleged&hidePub=…
 *
 * Window bounds are floating wall-clock minutes, like the timeline's axis (see timeline-items.ts).
 */

export const LANE_MODES = ['none', 'kind', 'actor', 'status'] as const;
export type LaneMode = (typeof LANE_MODES)[number];

export interface TimeWindow {
  start: string;
  end: string;
}

export interface ExploreState {
  selected: SelectionTarget | null;
  window: TimeWindow | null;
  lanes: LaneMode;
  filters: Filters;
}

export const DEFAULT_EXPLORE_STATE: ExploreState = { selected: null, window: null, lanes: 'none', filters: NO_FILTERS };

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const MAX_LIST = 50;
const MAX_VALUE = 200;

/** A Date-ish value → "YYYY-MM-DDTHH:mm" in floating wall-clock (the timeline reads strings as local). */
export function wallClockMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function validWallClock(v: string | null): v is string {
  return v !== null && WALL_CLOCK.test(v) && !Number.isNaN(Date.parse(`${v}:00Z`));
}

export function encodeExploreState(state: ExploreState): string {
  const q = new URLSearchParams();
  if (state.selected) q.set('sel', state.selected.id);
  if (state.window) {
    q.set('from', state.window.start);
    q.set('to', state.window.end);
  }
  if (state.lanes !== 'none') q.set('lanes', state.lanes);
  const f = normaliseFilters(state.filters);
  for (const v of f.entityTypes) q.append('hideType', v);
  for (const v of f.eventKinds) q.append('hideKind', v);
  for (const v of f.statuses) q.append('hideStatus', v);
  for (const v of f.publishers) q.append('hidePub', v);
  for (const v of f.sourceIds) q.append('hideSrc', v);
  return q.toString();
}

export function decodeExploreState(input: URLSearchParams | string): ExploreState {
  const q = typeof input === 'string' ? new URLSearchParams(input) : input;
  const sel = q.get('sel');
  const kind = sel ? idKindOf(sel) : null;
  const selected: SelectionTarget | null = sel && (kind === 'event' || kind === 'entity') ? { kind, id: sel } : null;

  const from = q.get('from');
  const to = q.get('to');
  const window = validWallClock(from) && validWallClock(to) && from < to ? { start: from, end: to } : null;

  const lanesParam = q.get('lanes');
  const lanes = (LANE_MODES as readonly string[]).includes(lanesParam ?? '') ? (lanesParam as LaneMode) : 'none';

  const list = (key: string) => q.getAll(key).slice(0, MAX_LIST).filter((v) => v.length > 0 && v.length <= MAX_VALUE);
  const oneOf = <T extends string>(key: string, allowed: readonly T[]) => list(key).filter((v): v is T => (allowed as readonly string[]).includes(v));
  const filters = normaliseFilters({
    entityTypes: oneOf<EntityType>('hideType', ENTITY_TYPES),
    eventKinds: oneOf<EventKind>('hideKind', EVENT_KINDS),
    statuses: oneOf<EventStatus>('hideStatus', EVENT_STATUSES),
    publishers: list('hidePub'),
    sourceIds: list('hideSrc').filter((id) => idKindOf(id) === 'source'),
  });
  return { selected, window, lanes, filters };
}
