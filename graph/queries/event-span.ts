/**
 * Span classes of events, for window queries that stay flat as a case grows. Neo4j has no interval
 * index: an event overlapping [from, to) may start long before `from`, so a seek on start times
 * must begin at `from` minus the longest span it could have. One bound for the whole case would let
 * a single year-long event widen every window by a year; so events are classed by span (what their
 * precision usually gives: minutes, a day, a month, a year, a decade, longer) and each class is
 * sought separately, from `from` minus that class's bound, on the window index (below).
 *
 * Fragments only (constants, never input), used by WRITE_EVENTS, the window queries (read.queries.ts,
 * timeline.queries.ts) and migrations 0007 and 0010.
 */

/** Upper bound (seconds, inclusive) of each class; the last is "longer than that" (any span). */
export const EVENT_SPAN_CLASS_BOUNDS = [3_600, 90_000, 2_764_800, 31_708_800, 316_224_000, 100_000_000_000] as const;

/** Cypher for the class of a span in seconds given by `span` (an expression). */
export function spanClassOf(span: string): string {
  const bounds = EVENT_SPAN_CLASS_BOUNDS.slice(0, -1);
  return `CASE ${bounds.map((b, i) => `WHEN ${span} <= ${b} THEN ${i}`).join(' ')} ELSE ${bounds.length} END`;
}

/** The classes as a Cypher list literal of maps {id, maxSpan}. */
export const SPAN_CLASSES_LITERAL = `[${EVENT_SPAN_CLASS_BOUNDS.map((b, i) => `{id: ${i}, maxSpan: ${b}}`).join(', ')}]`;

/**
 * The window index, (caseId, spanClass, startAt, id, endAt) (migration 0010), as a planner hint for
 * an event `e`. A seek on it yields (startAt, id) in index order, so an ORDER BY on the leading keys
 * and a LIMIT stop it early; and the end is tested on the value in the index entry, not read from
 * the store for every event the seek passes over (most of them, for the long-span classes).
 */
export const WINDOW_INDEX_HINT = 'USING INDEX e:Event(caseId, spanClass, startAt, id, endAt)';

/**
 * A composite index holds only nodes that have every key, so the planner uses it only when each key
 * has a predicate; the two that a query may not otherwise test.
 */
export const WINDOW_INDEX_KEYS_PRESENT = 'e.id IS NOT NULL AND e.endAt IS NOT NULL';

/**
 * Events `e` of span class `spanClass` (a Cypher expression) starting in [lower, upper) and meeting
 * `where`: one range seek on the window index, read in index order. The MATCH and WHERE only; the
 * caller orders, limits and returns.
 */
export function windowIndexSeek(spanClass: string, lower: string, upper: string, where?: string): string {
  return `MATCH (e:Event) ${WINDOW_INDEX_HINT}
  WHERE e.caseId = $caseId AND e.spanClass = ${spanClass} AND ${WINDOW_INDEX_KEYS_PRESENT}
    AND e.startAt >= ${lower} AND e.startAt < ${upper}${where ? ` AND ${where}` : ''}`;
}

/**
 * The first $limit events overlapping [$from, $to), in (startAt, id) order, meeting `where` (a
 * predicate on `e`, or 'true'), as rows `e` (the fragment ends with them; the caller projects).
 * With `cursor`, only those after the keyset ($afterStart, $afterId).
 *
 * Per span class, one seek on the window index from $from minus the class's longest span, read in
 * index order and stopped after $limit rows (WINDOW_INDEX_HINT). The classes are sought widest
 * first, and each full page lowers the upper bound of the next seeks to its last start: the page can
 * hold nothing later. This matters because the seek of a class passes over every event of the class
 * that started within its longest span before $from and ended before it (in a dense month of the 1M
 * benchmark, about 6,000 index entries of the day-to-month class for a page of 100); when a wider
 * class already fills the page with earlier starts, the narrower seeks are empty ranges.
 */
export function windowPage(options: { where: string; cursor: boolean }): string {
  const classes = EVENT_SPAN_CLASS_BOUNDS.map((maxSpan, id) => ({ id, maxSpan })).reverse();
  const lower = options.cursor
    ? `CASE WHEN overlapFrom > datetime($afterStart) THEN overlapFrom ELSE datetime($afterStart) END`
    : 'overlapFrom';
  const afterCursor = options.cursor ? ' AND (e.startAt > datetime($afterStart) OR e.id > $afterId)' : '';
  const classPage = (c: { id: number; maxSpan: number }) => `
CALL (upper) {
  WITH upper, datetime($from) - duration({seconds: ${c.maxSpan}}) AS overlapFrom
  WITH upper, ${lower} AS lower
  ${windowIndexSeek(String(c.id), 'lower', 'upper', `e.endAt > datetime($from)${afterCursor} AND ${options.where}`)}
  WITH e ORDER BY e.caseId, e.spanClass, e.startAt, e.id LIMIT $limit
  RETURN collect(e) AS page
}
WITH pages + page AS pages,
  CASE WHEN size(page) = $limit AND last(page).startAt + ${ONE_NANOSECOND} < upper THEN last(page).startAt + ${ONE_NANOSECOND} ELSE upper END AS upper`;
  return `
WITH [] AS pages, datetime($to) AS upper${classes.map(classPage).join('')}
UNWIND pages AS e
WITH e ORDER BY e.startAt, e.id LIMIT $limit`;
}

/** The upper bound is exclusive, as $to's; a page's last start stays in by a nanosecond. */
const ONE_NANOSECOND = 'duration({nanoseconds: 1})';
