import '../zod';
import { z } from 'zod';
import { EventKind, EventStatus } from '../model/vocab';
import { WindowQuery } from './params';
import { CaseGraph } from './views';

/**
 * What the case page of a large case (over LARGE_TIMELINE_EVENTS events) reads instead of the
 * whole case: the network of one timeline window, bounded whatever the case's size.
 *
 * `GET /api/cases/{caseId}/network?from=&to=&limit=&hideKind=&hideStatus=`: the entities taking
 * part in the window's (visible) events, the `limit` most active first (then by id), the stated
 * relationships among them valid in the window, and their shared events as weighted pairs.
 */
export const WINDOW_NETWORK_DEFAULT_LIMIT = 300;
export const WINDOW_NETWORK_MAX_LIMIT = 500;
/** Shared-event pairs sent at most (the heaviest): with 300 entities the network stays a graph a force layout places in about a second. */
export const WINDOW_NETWORK_MAX_PAIRS = 1000;
/** Sources listed on a large case's page (the rest are counted). */
export const SOURCES_HEAD = 50;

export const WindowNetworkQuery = z.strictObject({
  window: WindowQuery,
  limit: z.coerce
    .number()
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(WINDOW_NETWORK_MAX_LIMIT, `limit must be at most ${WINDOW_NETWORK_MAX_LIMIT}`)
    .default(WINDOW_NETWORK_DEFAULT_LIMIT),
  hideKind: z.array(EventKind).max(20).default([]),
  hideStatus: z.array(EventStatus).max(10).default([]),
});
export type WindowNetworkQuery = z.infer<typeof WindowNetworkQuery>;

/** Two drawn entities (`source` < `target`) and how many of the window's events both took part in. */
export const SharedEvents = z.strictObject({
  source: z.string(),
  target: z.string(),
  weight: z.number().int().min(1),
});
export type SharedEvents = z.infer<typeof SharedEvents>;

export const WindowNetwork = z.strictObject({
  /** The window answered, ISO instants (half-open); null for an open side. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The most entities asked for. */
  limit: z.number().int().positive(),
  /** How many entities take part in the window's events (`graph.nodes` holds at most `limit` of them). */
  entityTotal: z.number().int().min(0),
  /** Entities, their relationships valid in the window; no participations (see `shared`). */
  graph: CaseGraph,
  /** Events of the window each drawn entity takes part in, by id. */
  eventCounts: z.record(z.string(), z.number().int().min(0)),
  /** The heaviest shared-event pairs among the drawn entities, at most WINDOW_NETWORK_MAX_PAIRS. */
  shared: z.array(SharedEvents),
  /** How many pairs there were in all. */
  sharedTotal: z.number().int().min(0),
});
export type WindowNetwork = z.infer<typeof WindowNetwork>;

/**
 * `GET /api/cases/{caseId}/facets`: how many of the case's events have each kind and status, as
 * (kind, status) pairs, so the large case page's filters can offer and count what they hide (a
 * hidden kind and a hidden status overlap; the pairs count their union exactly). From the day
 * rollups, bounded by the vocabularies (at most kinds × statuses entries) whatever the case's size.
 */
export const EventFacetsQuery = z.strictObject({});

export const EventFacets = z.strictObject({
  total: z.number().int().min(0),
  entries: z.array(z.strictObject({ kind: EventKind, status: EventStatus, count: z.number().int().min(1) })),
});
export type EventFacets = z.infer<typeof EventFacets>;
