/**
 * Day rollups of a case's events: one (:EventDay {caseId, day, dayMs, kinds, statuses, counts, statusCounts}) per
 * UTC start day that has events (dayMs: the day's first instant, epoch ms), where counts[i] events
 * of kind kinds[i] and status statuses[i] start that day (parallel lists: one node per day, so a
 * window reads as many rollups as it has days, however dense the days are). The zoomed-out timeline (graph/timeline.repo.ts) sums them into
 * buckets of a day or wider instead of reading every event of the window: a 1M-event case over
 * thirty years is about eleven thousand rollups, not a million events.
 *
 * Each also holds statusCounts: per status, in EVENT_STATUSES order, the sum of its entries of that
 * status. With no kind hidden (the usual view) the zoomed-out timeline reads those five numbers a
 * day instead of the parallel lists: at 1M events a day holds dozens of (kind, status) entries, and
 * decoding them took most of the whole-case window's time.
 *
 * They are derived data, kept exact by every write of events in the same transaction
 * (graph/event-days.repo.ts): a whole-case import rebuilds the case's rollups; a write of a few
 * events refreshes the days those events started on before and after it. Every value is a parameter.
 */
import { EVENT_STATUSES } from '../../lib/model/vocab';

/**
 * Cypher for the statusCounts of parallel lists `statuses` and `counts` (expressions): per status of
 * EVENT_STATUSES, in that order, the sum of the counts of its entries. A fragment (constants only),
 * shared by the writes below and migration 0013.
 */
export function statusCountsOf(statuses: string, counts: string): string {
  const literal = `[${EVENT_STATUSES.map((s) => `'${s}'`).join(', ')}]`;
  return `[s IN ${literal} | reduce(n = 0, j IN range(0, size(${statuses}) - 1) | n + CASE WHEN ${statuses}[j] = s THEN ${counts}[j] ELSE 0 END)]`;
}

/** The CREATE of one day's rollup from `day` and its collected `kinds`, `statuses`, `counts`. */
const CREATE_EVENT_DAY = `CREATE (:EventDay {caseId: $caseId, day: day, dayMs: datetime({date: day}).epochMillis, kinds: kinds, statuses: statuses, counts: counts,
    statusCounts: ${statusCountsOf('statuses', 'counts')}})`;

/** UTC start days ('YYYY-MM-DD') of the given events as they are now (before a write moves them). */
export const EVENT_START_DAYS = `
UNWIND $ids AS id
MATCH (e:Event {id: id})
WHERE e.startAt IS NOT NULL
RETURN collect(DISTINCT toString(date(e.startAt))) AS days`;

/** Recounts the case's rollups of the given days ('YYYY-MM-DD', distinct) from its events. */
export const REFRESH_EVENT_DAYS = `
UNWIND $days AS dayText
WITH date(dayText) AS day
CALL (day) {
  MATCH (d:EventDay) WHERE d.caseId = $caseId AND d.day = day
  DELETE d
}
CALL (day) {
  MATCH (e:Event)
  WHERE e.caseId = $caseId AND e.startAt >= datetime({date: day}) AND e.startAt < datetime({date: day + duration({days: 1})})
  WITH day, e.kind AS kind, e.status AS status, count(*) AS n
  WITH day, collect(kind) AS kinds, collect(status) AS statuses, collect(n) AS counts
  ${CREATE_EVENT_DAY}
}`;

/** Removes every rollup of the case (before a rebuild, and when the case is deleted). */
export const DELETE_EVENT_DAYS = `
MATCH (d:EventDay) WHERE d.caseId = $caseId
DELETE d`;

/** Counts all of the case's events into rollups (after DELETE_EVENT_DAYS, in the same transaction). */
export const BUILD_EVENT_DAYS = `
MATCH (:Case {id: $caseId})-[:HAS_EVENT]->(e:Event)
WHERE e.startAt IS NOT NULL
WITH date(e.startAt) AS day, e.kind AS kind, e.status AS status, count(*) AS n
WITH day, collect(kind) AS kinds, collect(status) AS statuses, collect(n) AS counts
${CREATE_EVENT_DAY}`;
