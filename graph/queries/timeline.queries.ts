/**
 * The aggregating timeline (graph/timeline.repo.ts). Windows are half-open [from, to) over the
 * instants derived from partial dates, as in read.queries.ts; both window queries seek the
 * `event_case_start` index (caseId, startAt) and filter the end on the rows it yields.
 * Kinds and statuses the reader hides are parameters (lists, possibly empty).
 */
import { EVENT_LIST_ITEM } from './event-list-item';

/**
 * Kinds and statuses not hidden. Written so that with nothing hidden (the usual case) no property
 * is read: the bucket counts then come from the index entries alone, plus each event's status.
 */
const VISIBLE = `($hideKinds = [] OR NOT e.kind IN $hideKinds) AND ($hideStatuses = [] OR NOT e.status IN $hideStatuses)`;

/**
 * Events overlapping [$from, $to). As in read.queries.ts LIST_EVENTS_PAGE, the (caseId, startAt)
 * index is sought as a bounded range: an overlapping event started at most the case's longest
 * span (e.span, seconds, from the (caseId, span) index) before $from.
 */
const IN_WINDOW = `
WITH coalesce(COLLECT { MATCH (x:Event) WHERE x.caseId = $caseId AND x.span >= 0 RETURN x.span ORDER BY x.span DESC LIMIT 1 }[0], 0) AS maxSpan
WITH datetime($from) - duration({seconds: maxSpan}) AS lower
MATCH (e:Event)
WHERE e.caseId = $caseId
  AND e.startAt >= lower AND e.startAt < datetime($to) AND e.endAt > datetime($from)
  AND ${VISIBLE}`;
/**
 * How many events start inside the window, counting no further than $limit: an index-only probe
 * that tells a window far too full to list (most zoomed-out windows) without touching the events.
 */
export const TIMELINE_WINDOW_PROBE = `
MATCH (e:Event)
WHERE e.caseId = $caseId AND e.startAt >= datetime($from) AND e.startAt < datetime($to) AND ${VISIBLE}
  AND e.span <= $narrowSpan
WITH e LIMIT $limit
RETURN count(e) AS n`;

/** First start and last end of the case's (visible) events, epoch ms; nulls for an empty case. */
export const TIMELINE_EXTENT = `
MATCH (e:Event)
WHERE e.caseId = $caseId AND e.startAt IS NOT NULL AND ${VISIBLE}
RETURN min(e.startAt).epochMillis AS first, max(e.endAt).epochMillis AS last`;

/**
 * Events overlapping the window whose date is wider than it ($narrowSpan seconds: known only to
 * the month or year while the reader looks at a day). Listed one by one they would cover every
 * narrow window of a large case; the zoomed-in timeline counts them instead.
 */
export const TIMELINE_WIDE_COUNT = `${IN_WINDOW}
  AND e.span > $narrowSpan
RETURN count(e) AS n`;

/**
 * Up to $limit events of the window, no wider than it ($narrowSpan seconds), in time order, in the EventListItem shape. The caller asks
 * for one more than it will show, to learn whether the window holds too many to send one by one;
 * the per-event subqueries run only on the rows kept by the LIMIT.
 */
export const TIMELINE_WINDOW_EVENTS = `${IN_WINDOW}
  AND e.span <= $narrowSpan
WITH e ORDER BY e.startAt, e.id LIMIT $limit
RETURN ${EVENT_LIST_ITEM} AS event`;

/**
 * Events of the window counted per bucket and status. A bucket is the event's start in units of
 * $widthMs from $origin, clamped to [0, $count): an event that began before the window falls in
 * the first bucket (lib/views/timeline-buckets.ts bucketIndex does the same arithmetic).
 */
export const TIMELINE_BUCKET_COUNTS = `${IN_WINDOW}
WITH toInteger(floor((e.startAt.epochMillis - $origin) / $widthMs)) AS i, e.status AS status
WITH CASE WHEN i < 0 THEN 0 WHEN i >= $count THEN $count - 1 ELSE i END AS bucket, status
RETURN bucket, status, count(*) AS n
ORDER BY bucket, status`;
