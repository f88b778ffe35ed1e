import '../zod';
import { z } from 'zod';
import { EventKind, EventStatus, EVENT_STATUSES } from '../model/vocab';
import { DEFAULT_BUCKETS, MAX_BUCKETS } from '../views/timeline-buckets';
import { EventListItem } from './views';

/**
 * `GET /api/cases/{caseId}/timeline?from=&to=&buckets=&hideKind=&hideStatus=`: what a timeline
 * needs to draw one window of a large case. At most EVENTS_THRESHOLD events in the window come
 * one by one (`mode: "events"`; those dated more loosely than the window is wide are counted in
 * `wider`); more come as counts per time bucket (`mode: "buckets"`), so the
 * browser never holds more than a few hundred items whatever the case's size. Without from/to the
 * window is the whole case and the answer carries the case's extent.
 */

/** The filters the case page applies to events that the database can apply too. */
export const TimelineFilterQuery = z.strictObject({
  buckets: z.coerce.number().int().min(1).max(MAX_BUCKETS).default(DEFAULT_BUCKETS),
  hideKind: z.array(EventKind).max(20).default([]),
  hideStatus: z.array(EventStatus).max(10).default([]),
});
export type TimelineFilterQuery = z.infer<typeof TimelineFilterQuery>;

const StatusCounts = z.strictObject(Object.fromEntries(EVENT_STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<EventStatus, z.ZodNumber>);
export type StatusCounts = z.infer<typeof StatusCounts>;

export const TimelineBucket = z.strictObject({
  /** ISO instants, half-open [start, end). */
  start: z.string(),
  end: z.string(),
  count: z.number().int().min(1),
  byStatus: StatusCounts,
});
export type TimelineBucket = z.infer<typeof TimelineBucket>;

const Extent = z.strictObject({ start: z.string(), end: z.string() }).nullable();

const common = {
  /** The window answered, ISO instants, half-open. */
  from: z.string(),
  to: z.string(),
  /** Events (after the filters) overlapping the window. */
  total: z.number().int().min(0),
  /** The whole case's span (first start, last end) when the request had no window; else null. */
  extent: Extent,
};

export const TimelineWindow = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('events'),
    ...common,
    /** The events no wider than the window, in time order. */
    events: z.array(EventListItem),
    /** Events overlapping the window but dated more loosely than it is wide (month, year): counted only. */
    wider: z.number().int().min(0),
  }),
  z.strictObject({ mode: z.literal('buckets'), ...common, bucketMs: z.number().int().min(1), buckets: z.array(TimelineBucket) }),
]);
export type TimelineWindow = z.infer<typeof TimelineWindow>;
