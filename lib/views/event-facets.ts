import type { EventFacets } from '../api/large-case';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '../model/vocab';

/**
 * What the large case page's filters read from a case's (kind, status) counts (GET
 * /api/cases/{id}/facets). Pure.
 */

/** Events per status and per kind, in the vocabularies' order, only values the case has. */
export function facetTotals(facets: EventFacets): { statuses: Array<[EventStatus, number]>; kinds: Array<[EventKind, number]> } {
  const byStatus = new Map<EventStatus, number>();
  const byKind = new Map<EventKind, number>();
  for (const e of facets.entries) {
    byStatus.set(e.status, (byStatus.get(e.status) ?? 0) + e.count);
    byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + e.count);
  }
  return {
    statuses: EVENT_STATUSES.filter((s) => byStatus.has(s)).map((s) => [s, byStatus.get(s)!]),
    kinds: EVENT_KINDS.filter((k) => byKind.has(k)).map((k) => [k, byKind.get(k)!]),
  };
}

/**
 * How many events the filters hide: those of a hidden kind or of a hidden status, each counted
 * once (an event may be both).
 */
export function hiddenEventCount(facets: EventFacets, hideKinds: readonly EventKind[], hideStatuses: readonly EventStatus[]): number {
  return facets.entries.reduce((n, e) => (hideKinds.includes(e.kind) || hideStatuses.includes(e.status) ? n + e.count : n), 0);
}
