/**
 * The aggregating timeline (graph/timeline.repo.ts). Windows are half-open [from, to) over the
 * instants derived from partial dates, as in read.queries.ts. Queries over a window's events seek
 * the window index (event-span.ts) per span class; zoomed out, the day rollups
 * (event-days.queries.ts) stand for the window's whole days.
 * Kinds and statuses the reader hides are parameters (lists, possibly empty).
 */
import { EVENT_LIST_ITEM } from './event-list-item';
import { SPAN_CLASSES_LITERAL, WINDOW_INDEX_HINT, WINDOW_INDEX_KEYS_PRESENT, windowIndexSeek, windowPage } from './event-span';

/**
 * Kinds and statuses not hidden. Written so that with nothing hidden (the usual case) no property
 * is read: the bucket counts then come from the index entries alone, plus each event's status.
 */
const visible = (kind: string, status: string) => `($hideKinds = [] OR NOT ${kind} IN $hideKinds) AND ($hideStatuses = [] OR NOT ${status} IN $hideStatuses)`;
const VISIBLE = visible('e.kind', 'e.status');

/**
 * The visible events of span class `cls` (in scope) starting in [lower, upper) and meeting `extra`:
 * one range seek on the window index (event-span.ts), read in index order.
 */
const classSeek = (lower: string, upper: string, extra?: string) => `
  ${windowIndexSeek('cls.id', lower, upper, `${VISIBLE}${extra ? ` AND ${extra}` : ''}`)}
  RETURN e`;

/** The earliest start an event of class `cls` overlapping the window can have. */
const OVERLAP_LOWER = 'datetime($from) - duration({seconds: cls.maxSpan})';

/**
 * Events overlapping [$from, $to) that also meet `extra` (a Cypher predicate on `e`). As in
 * read.queries.ts LIST_EVENTS_PAGE: per span class (event-span.ts), one seek on the window
 * index (event-span.ts) from $from minus that class's longest span, so a long event widens
 * the seek of its own class only, and nothing reads the whole case to learn its longest span.
 */
const inWindow = (extra?: string) => `
UNWIND ${SPAN_CLASSES_LITERAL} AS cls
CALL (cls) {${classSeek(OVERLAP_LOWER, 'datetime($to)', `e.endAt > datetime($from)${extra ? ` AND ${extra}` : ''}`)}
}`;
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

/**
 * First start and last end of the case's (visible) events, epoch ms; nulls for an empty case.
 * Without reading every event: the first start is found on the first day that has a visible
 * event (the day rollups, graph/queries/event-days.queries.ts, in index order); the last end, per
 * span class, among the events that started within that class's longest span of the class's last
 * start (the window index (event-span.ts) read backwards).
 */
export const TIMELINE_EXTENT = `
CALL () {
  MATCH (d:EventDay)
  WHERE d.caseId = $caseId AND d.day IS NOT NULL
    AND any(j IN range(0, size(d.counts) - 1) WHERE ${visible('d.kinds[j]', 'd.statuses[j]')})
  WITH d ORDER BY d.caseId, d.day LIMIT 1
  MATCH (e:Event)
  WHERE e.caseId = $caseId AND e.startAt >= datetime({date: d.day}) AND e.startAt < datetime({date: d.day + duration({days: 1})})
    AND ${VISIBLE}
  RETURN min(e.startAt) AS first
}
CALL () {
  UNWIND ${SPAN_CLASSES_LITERAL} AS cls
  CALL (cls) {
    MATCH (e:Event) ${WINDOW_INDEX_HINT}
    WHERE e.caseId = $caseId AND e.spanClass = cls.id AND e.startAt IS NOT NULL AND ${WINDOW_INDEX_KEYS_PRESENT} AND ${VISIBLE}
    WITH e ORDER BY e.caseId DESC, e.spanClass DESC, e.startAt DESC, e.id DESC LIMIT 1
    RETURN e.startAt AS lastStart
  }
  CALL (cls, lastStart) {
    MATCH (e:Event) ${WINDOW_INDEX_HINT}
    WHERE e.caseId = $caseId AND e.spanClass = cls.id AND ${WINDOW_INDEX_KEYS_PRESENT}
      AND e.startAt >= lastStart - duration({seconds: cls.maxSpan}) AND ${VISIBLE}
    RETURN max(e.endAt) AS classLast
  }
  RETURN max(classLast) AS last
}
RETURN first.epochMillis AS first, last.epochMillis AS last`;

/**
 * Events overlapping the window whose date is wider than it ($narrowSpan seconds: known only to
 * the month or year while the reader looks at a day). Listed one by one they would cover every
 * narrow window of a large case; the zoomed-in timeline counts them instead.
 */
export const TIMELINE_WIDE_COUNT = `${inWindow('e.span > $narrowSpan')}
RETURN count(e) AS n`;

/**
 * Up to $limit events of the window, no wider than it ($narrowSpan seconds), in time order, in the
 * EventListItem shape, sought as LIST_EVENTS_PAGE's first page (windowPage). The caller asks for
 * one more than it will show, to learn whether the window holds too many to send one by one; the
 * per-event subqueries run only on the rows kept by the LIMIT.
 */
export const TIMELINE_WINDOW_EVENTS = `${windowPage({ where: `${VISIBLE} AND e.span <= $narrowSpan`, cursor: false })}
RETURN ${EVENT_LIST_ITEM} AS event`;

/**
 * Events of the window counted per bucket and status. A bucket is the event's start in units of
 * $widthMs from $origin, clamped to [0, $count): an event that began before the window falls in
 * the first bucket (lib/views/timeline-buckets.ts bucketIndex does the same arithmetic).
 */
export const TIMELINE_BUCKET_COUNTS = `${inWindow()}
WITH e.startAt AS start, e.status AS status, 1 AS n${bucketOf('start')}`;

/** Rows (start instant, status, n) summed per bucket and status, the arithmetic of bucketIndex. */
function bucketOf(instant: string): string {
  return `
WITH toInteger(floor((${instant}.epochMillis - $origin) / $widthMs)) AS i, status, n
WITH CASE WHEN i < 0 THEN 0 WHEN i >= $count THEN $count - 1 ELSE i END AS bucket, status, n
RETURN bucket, status, sum(n) AS n`;
}

/** The day rollups `d` of the window's whole days [$coreFrom, $coreTo) (index (caseId, day)). */
const CORE_DAYS = `
MATCH (d:EventDay)
WHERE d.caseId = $caseId AND d.day >= date(datetime($coreFrom)) AND d.day < date(datetime($coreTo))`;

/**
 * For buckets of a day or wider: the day rollups (graph/queries/event-days.queries.ts) of the
 * window's whole days [$coreFrom, $coreTo), which stand for the events starting on those days
 * without reading them. graph/timeline.repo.ts drops the hidden kinds and statuses and adds them
 * into buckets (lib/views/timeline-buckets.ts bucketIndex): in the database that arithmetic would
 * cost more than reading the rollups. The events of the window's partial first and last days,
 * and those that began before it and still run, are counted one by one by TIMELINE_EDGE_COUNTS;
 * together they are TIMELINE_BUCKET_COUNTS.
 */
export const TIMELINE_DAY_ROLLUPS = `${CORE_DAYS}
RETURN d.dayMs AS dayMs, d.kinds AS kinds, d.statuses AS statuses, d.counts AS counts`;

/**
 * TIMELINE_DAY_ROLLUPS when no kind is hidden: each day's counts per status (statusCounts, in
 * EVENT_STATUSES order), five numbers a day instead of the (kind, status) lists, which at 1M events
 * hold dozens of entries a day that the driver must decode.
 */
export const TIMELINE_DAY_STATUS_ROLLUPS = `${CORE_DAYS}
RETURN d.dayMs AS dayMs, d.statusCounts AS statusCounts`;

/**
 * The rest of the window that the rollups do not cover: events that start before $coreFrom and
 * overlap the window (per span class, from $from minus the class's longest span, as
 * LIST_EVENTS_PAGE), and events that start in [$coreTo, $to).
 */
export const TIMELINE_EDGE_COUNTS = `
UNWIND ${SPAN_CLASSES_LITERAL} AS cls
CALL (cls) {${classSeek(OVERLAP_LOWER, 'datetime($coreFrom)', 'e.endAt > datetime($from)')}
UNION ALL${classSeek('datetime($coreTo)', 'datetime($to)')}
}
WITH e.startAt AS start, e.status AS status, 1 AS n${bucketOf('start')}`;
