import type { EventListItem } from '../../../lib/api/views';

/** A day-precise, reported, once-cited event in the list shape, for the view and selection tests. */
export function eventListItem(id: string, participantIds: string[], overrides: Partial<EventListItem> = {}): EventListItem {
  return {
    id,
    title: `Event ${id}`,
    kind: 'meeting',
    start: '2022-01-10',
    end: null,
    precision: 'day',
    endPrecision: null,
    approximate: false,
    endApproximate: false,
    timeZone: null,
    status: 'reported',
    citationCount: 1,
    participantIds,
    sourceIds: [],
    ...overrides,
  };
}
