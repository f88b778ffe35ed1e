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
