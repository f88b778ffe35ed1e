/**
 * What the page of a large case reads instead of the whole case (graph/large-case.repo.ts): the
 * network of one timeline window, bounded, and the first sources. Windows are half-open
 * [$from, $to) over the instants derived from partial dates, as everywhere; the kinds and
 * statuses the reader hides are parameters (lists, possibly empty).
 */

/** The window's visible events: those overlapping it, of no hidden kind or status. */
const WINDOW_EVENT = `e.caseId = $caseId AND e.startAt < datetime($to) AND e.endAt > datetime($from)
  AND ($hideKinds = [] OR NOT e.kind IN $hideKinds) AND ($hideStatuses = [] OR NOT e.status IN $hideStatuses)`;

/**
 * The entities taking part in the window's events, most events first (then by id, so the same
 * data always gives the same answer): `total` of them, the first $limit returned with their count.
 */
export const WINDOW_NETWORK_ENTITIES = `
MATCH (e:Event)
WHERE ${WINDOW_EVENT}
MATCH (n:Entity)-[:PARTICIPATES_IN]->(e)
WITH n, count(DISTINCT e) AS events
ORDER BY events DESC, n.id
WITH collect(n { .id, .caseId, .type, .name, .aliases, .aliasLangs, events: events }) AS ranked
RETURN size(ranked) AS total, ranked[..$limit] AS entities`;

/**
 * Pairs of the given entities ($ids) that took part in the same events of the window, and how
 * many (`weight`): the heaviest $maxPairs pairs (then by ids), with the count of all. Walks from
 * each given entity to its events and only then keeps the window's: given the window as a
 * predicate it could seek, the planner sought the window's events once per entity instead (50 s
 * for a 20,000-event case, against under half a second).
 */
export const WINDOW_NETWORK_SHARED = `
UNWIND $ids AS id
MATCH (a:Entity {id: id})
UNWIND [e IN [(a)-[:PARTICIPATES_IN]->(x:Event) | x] WHERE ${WINDOW_EVENT}] AS e
MATCH (e)<-[:PARTICIPATES_IN]-(b:Entity)
WHERE a.id < b.id AND b.id IN $ids
WITH a.id AS source, b.id AS target, count(DISTINCT e) AS weight
ORDER BY weight DESC, source, target
WITH collect({ source: source, target: target, weight: weight }) AS pairs
RETURN size(pairs) AS total, pairs[..$maxPairs] AS pairs`;

/** The stated relationships among the given entities ($ids) whose validity overlaps the window. */
export const WINDOW_NETWORK_RELATIONS = `
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
USING INDEX a:Entity(id)
WHERE r.id IS NOT NULL AND b.id IN $ids
  AND (r.validFromAt IS NULL OR r.validFromAt < datetime($to))
  AND (r.validToAt IS NULL OR r.validToAt > datetime($from))
RETURN { id: r.id, type: type(r), source: a.id, target: b.id, validFrom: r.validFrom, validTo: r.validTo,
         citationCount: size(r.citationIds) } AS r
ORDER BY r.id`;

/** The first $limit sources of a case, by title then id (the page counts the rest). */
export const LIST_SOURCES_HEAD = `
MATCH (s:Source)
WHERE s.caseId = $caseId
WITH s ORDER BY s.title, s.id LIMIT $limit
RETURN s { .id, .caseId, .title, .publisher, .author, .url, .language, .published, .retrieved, .contentHash, .reliabilityNote } AS s`;

/**
 * A case's events counted per (kind, status), summed from its day rollups (event-days.queries.ts):
 * every event has a start, so the rollups hold them all. One rollup a day, not one row an event.
 */
export const EVENT_FACETS = `
MATCH (d:EventDay)
WHERE d.caseId = $caseId AND d.day IS NOT NULL
UNWIND range(0, size(d.counts) - 1) AS j
WITH d.kinds[j] AS kind, d.statuses[j] AS status, d.counts[j] AS n
WITH kind, status, sum(n) AS count
WHERE count > 0
RETURN kind, status, count
ORDER BY kind, status`;
