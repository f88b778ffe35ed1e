/**
 * Read queries. Every value is a parameter; windows are half-open [from, to) over the instants
 * derived from partial dates, so an event known only to "January 2022" is in any window that
 * touches January.
 */
import { windowPage } from './event-span';
import { EVENT_LIST_ITEM } from './event-list-item';
import { RELATION_TYPES } from '../../lib/model/vocab';

export const LIST_CASES = `
MATCH (c:Case)
RETURN c { .id, .title, .summary,
  eventCount: COUNT { (c)-[:HAS_EVENT]->() },
  entityCount: COUNT { (c)-[:HAS_ENTITY]->() },
  sourceCount: COUNT { (c)-[:HAS_SOURCE]->() } } AS c
ORDER BY c.title, c.id`;

export const GET_CASE = `
MATCH (c:Case {id: $caseId})
RETURN c { .id, .title, .summary,
  eventCount: COUNT { (c)-[:HAS_EVENT]->() },
  entityCount: COUNT { (c)-[:HAS_ENTITY]->() },
  sourceCount: COUNT { (c)-[:HAS_SOURCE]->() } } AS c`;

/**
 * Queries that read one case's records start from the case (a unique seek) and walk its HAS_*
 * links, or seek an index on caseId: never a label scan, whose cost grows with every other case in
 * the database (tests/integration/queries-explain.test.ts checks the plans).
 */
const RELATION_STEP = RELATION_TYPES.join('|');

export const LIST_EVENTS = `
MATCH (:Case {id: $caseId})-[:HAS_EVENT]->(e:Event)
WHERE ($from IS NULL OR e.endAt > datetime($from))
  AND ($to IS NULL OR e.startAt < datetime($to))
RETURN ${EVENT_LIST_ITEM} AS event
ORDER BY e.startAt, e.id`;

/**
 * One page of a case's events overlapping [$from, $to), in (startAt, id) order, after the keyset
 * ($afterStart, $afterId). Every bound is always given (the repository passes the far past and far
 * future for an open window, and the far past for the first page), because `$x IS NULL OR ...`
 * would hide the range from the planner.
 *
 * Why it stays flat as the case grows: per span class (event-span.ts), one range seek on the window
 * index (caseId, spanClass, startAt, id, endAt) from $from minus that class's longest span (or the
 * cursor, whichever is later), read in index order and stopped after $limit rows that pass the end
 * filter (tested on the index entry), the widest class first, each full page narrowing the seeks
 * after it (windowPage); then the classes' pages (at most 6 × $limit rows) are merged and cut again.
 * So the work is bounded by the page size, not by how many events the window or the case holds;
 * the per-event projection runs only on the page.
 *
 * The planner reads the index in order only when ORDER BY names the leading indexed properties in
 * index order (the first two are constant here, so the order is the same) and when every property
 * has a predicate (WINDOW_INDEX_KEYS_PRESENT); the hint keeps it from preferring the (caseId,
 * startAt) index, which would read the whole window and sort.
 */
export const LIST_EVENTS_PAGE = `${windowPage({ where: 'true', cursor: true })}
RETURN ${EVENT_LIST_ITEM} AS event,
  toString(e.startAt) AS sortStart`;

export const LIST_ENTITIES = `
MATCH (n:Entity)
WHERE n.caseId = $caseId
RETURN n { .id, .type, .name, .aliases, .aliasLangs } AS n
ORDER BY n.name, n.id`;

/** Relationships among the case's entities, kept when their validity overlaps the window. */
export const LIST_RELATIONS = `
MATCH (:Case {id: $caseId})-[:HAS_ENTITY]->(a:Entity)-[r:${RELATION_STEP}]->(b)
WHERE ($to IS NULL OR r.validFromAt IS NULL OR r.validFromAt < datetime($to))
  AND ($from IS NULL OR r.validToAt IS NULL OR r.validToAt > datetime($from))
RETURN { id: r.id, type: type(r), source: a.id, target: b.id, validFrom: r.validFrom, validTo: r.validTo,
         citationCount: size(r.citationIds) } AS r
ORDER BY r.id`;

export const LIST_PARTICIPATIONS = `
MATCH (:Case {id: $caseId})-[:HAS_EVENT]->(e:Event)<-[p:PARTICIPATES_IN]-(en)
WHERE ($from IS NULL OR e.endAt > datetime($from))
  AND ($to IS NULL OR e.startAt < datetime($to))
RETURN { id: p.id, eventId: e.id, entityId: en.id, role: p.role } AS p
ORDER BY p.id`;

export const LIST_SOURCES = `
MATCH (s:Source)
WHERE s.caseId = $caseId
RETURN s { .id, .caseId, .title, .publisher, .author, .url, .language, .published, .retrieved, .contentHash, .reliabilityNote } AS s
ORDER BY s.title, s.id`;

/** A citation with the summary of the source it quotes. */
const CITATION_WITH_SOURCE = (v: string) => `${v} { .*, source: [(${v})-[:QUOTES]->(s:Source) | s { .id, .title, .publisher, .publisherEntityId, .published, .url, .reliabilityNote }][0] }`;

export const GET_EVENT = `
MATCH (e:Event {id: $id})
RETURN e AS event,
  COLLECT { MATCH (ci:Citation)-[:SUPPORTS]->(e) RETURN ${CITATION_WITH_SOURCE('ci')} AS c ORDER BY ci.start } AS citations,
  COLLECT {
    MATCH (en:Entity)-[p:PARTICIPATES_IN]->(e)
    RETURN { entity: en { .id, .name, .type }, role: p.role,
             citations: COLLECT { MATCH (pc:Citation) WHERE pc.id IN p.citationIds RETURN ${CITATION_WITH_SOURCE('pc')} AS c ORDER BY pc.start } } AS x
    ORDER BY en.name
  } AS participants`;

export const GET_ENTITY = `
MATCH (n:Entity {id: $id})
RETURN n AS entity,
  COLLECT { MATCH (ci:Citation)-[:SUPPORTS]->(n) RETURN ${CITATION_WITH_SOURCE('ci')} AS c ORDER BY ci.start } AS citations,
  COLLECT {
    MATCH (n)-[p:PARTICIPATES_IN]->(e:Event)
    RETURN { id: e.id, title: e.title, start: e.start, status: e.status, role: p.role } AS x ORDER BY e.startAt, e.id
  } AS events,
  COLLECT {
    MATCH (n)-[r:${RELATION_STEP}]-()
    WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b
    RETURN { id: r.id, type: type(r), from: a { .id, .name, .type }, to: b { .id, .name, .type },
             validFrom: r.validFrom, validTo: r.validTo,
             citations: COLLECT { MATCH (rc:Citation) WHERE rc.id IN r.citationIds RETURN ${CITATION_WITH_SOURCE('rc')} AS c ORDER BY rc.start } } AS x
    ORDER BY r.id
  } AS relations`;

export const PING = 'RETURN 1 AS ok';

/**
 * Full-text search within one case. $lucene is built by lib/search/lucene.ts from user text, every
 * special character escaped, and requires the case, so the index answers this case's matches
 * only, and the rare record of a case whose id extends this one's (the case is a phrase). A
 * citation is not selectable by itself, so it carries what it supports (events first, then
 * entities): selecting the hit selects that.
 *
 * The procedure yields its matches by descending score (equal scores in the index's own order,
 * the same for the same data), and the LIMIT stops reading them: an ORDER BY here would read and
 * sort every match first, tens of thousands for a common word in a large case (85,000 db hits for
 * 20 hits at 1M events, against 290).
 *
 * Two ways to run it (graph/search.repo.ts): first with $options {limit: $limit}, so Lucene keeps
 * only the best `limit` (for one common word at 1M events, 34 -> 9 ms: without it the procedure
 * collects and sorts every match), and $othersToo true, so a record of another case among them
 * is returned, marked, rather than silently leaving the page short. When one is, the search is run
 * again with $options {} and $othersToo false, which filters before the LIMIT.
 */
export const SEARCH = `
CALL db.index.fulltext.queryNodes('search_case_text', $lucene, $options) YIELD node, score
WITH node, score, node.caseId = $caseId AS inCase
WHERE inCase OR $othersToo
WITH node, score, inCase
LIMIT $limit
RETURN inCase,
  CASE WHEN node:Entity THEN 'entity' WHEN node:Event THEN 'event' ELSE 'citation' END AS kind,
  node.id AS id, score,
  node { .name, .aliasText, .type, .title, .kind, .description, .quote, .translation } AS text,
  CASE WHEN node:Citation THEN
    COLLECT {
      MATCH (node)-[:SUPPORTS]->(t)
      RETURN { kind: CASE WHEN t:Event THEN 'event' ELSE 'entity' END, id: t.id, label: coalesce(t.title, t.name) } AS x
      ORDER BY CASE WHEN t:Event THEN 0 ELSE 1 END, coalesce(t.startAt, datetime('0001-01-01T00:00Z')), t.id
    }
  ELSE [] END AS supports,
  CASE WHEN node:Citation THEN [(node)-[:QUOTES]->(s:Source) | s.title][0] ELSE null END AS sourceTitle`;

/**
 * Up to `k` events `entity` took part in, by id, read in order from the participation index
 * (migration 0014: each participation holds its entity's and event's ids), so an entity in 10,000
 * events costs what one in 10 does. A participation per role can repeat an event: DISTINCT keeps
 * one, in the index's order. `guard` false seeks nothing (the seek value is null): a subquery's
 * WHERE would be planned after the seek, which would then read every entry.
 */
const eventsByIdOf = (entity: string, guard: string, k: string, as: string) => `
    MATCH ()-[p:PARTICIPATES_IN]->(${as}:Event)
    USING INDEX p:PARTICIPATES_IN(entityId, eventId)
    WHERE p.entityId = CASE WHEN ${guard} THEN ${entity}.id END AND p.eventId >= ''
    WITH DISTINCT p.entityId AS byEntity, p.eventId AS byEvent, ${as}
    ORDER BY byEntity, byEvent LIMIT ${k}`;

/**
 * The first ring: entities related to the centre (typed relationships, either direction) and
 * events it took part in, by id, at most $limit + 1 (one more than is returned says "cut").
 * Entity ids sort before event ids (ent_ < evt_), so "by id" is entities first, then events, and
 * the events are asked for only while the entities leave room.
 */
const NEAREST_RING = `
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[:${RELATION_STEP}]-(m:Entity) WHERE m <> n
  WITH DISTINCT m ORDER BY m.id LIMIT $limit + 1
  RETURN collect(m) AS nearEntities
}
CALL (n, nearEntities) {${eventsByIdOf('n', 'size(nearEntities) <= $limit', '$limit + 1', 'e')}
  RETURN collect(e) AS nearEvents
}
WITH n, (nearEntities + nearEvents)[..$limit + 1] AS ring1`;

/**
 * The second ring, asked only when the first left room: the neighbours of each node of the first
 * ring (an entity's related entities and first events by id; an event's participants), without
 * the centre and the first ring, by id, as many as still fit plus one. Exact with bounded reads:
 * with at most $limit + 1 nodes excluded and at most $limit + 1 - size(ring1) wanted, any node of
 * the answer is among the first $limit + 2 of each list it is in, and among the first 2 * $limit + 2
 * distinct candidates (tests/integration/neighbourhood.test.ts compares with the full walk).
 */
const SECOND_RING = `
CALL (n, ring1) {
  UNWIND CASE WHEN size(ring1) <= $limit THEN ring1 ELSE [] END AS x
  CALL (x) {
    MATCH (x:Entity)-[:${RELATION_STEP}]-(m:Entity) RETURN m
    UNION
    MATCH (x:Event)<-[:PARTICIPATES_IN]-(m:Entity) RETURN m
    UNION${eventsByIdOf('x', 'x:Entity', '$limit + 2', 'm')}
    RETURN m
  }
  WITH DISTINCT m ORDER BY m.id LIMIT $limit * 2 + 2
  RETURN collect(m) AS candidates
}
WITH n, ring1 + [m IN candidates WHERE m <> n AND NOT m IN ring1][..$limit + 1 - size(ring1)] AS reached`;

/**
 * The neighbourhood of an entity, up to `hops` (1 or 2) steps along relationships and
 * participations (an event is a step: entity → event → co-participant is 2 hops). Bounded: at
 * most $limit entities and events besides the centre, nearest first, then by id (so entities
 * before events, and the same data always gives the same answer); `truncated` says there were
 * more. Edges and participations are only those among what is returned.
 *
 * Built ring by ring, each read bounded by $limit rather than by degree: a hub of 11,153 events
 * at 1M events took 110 ms for one hop and 373 ms for two when every path was walked and sorted,
 * ~12 and ~15 ms this way (bench/results/scale.md). The edges and participations among what is
 * returned are found from the side that has few: typed entity relationships only, and an
 * event's participants (a handful) rather than a hub's participations (thousands).
 */
const entityNeighbourhood = (hops: 1 | 2) => `${NEAREST_RING}${hops === 2 ? SECOND_RING : '\nWITH n, ring1 AS reached'}
WITH n, size(reached) > $limit AS truncated, [n] + reached[..$limit] AS around
RETURN n.caseId AS caseId, truncated,
  [x IN around WHERE x:Entity | x { .id, .type, .name, .aliases, .aliasLangs }] AS entities,
  [x IN around WHERE x:Event | x.id] AS eventIds,
  COLLECT {
    UNWIND around AS a
    MATCH (a:Entity)-[r:${RELATION_STEP}]->(b:Entity)
    WHERE b IN around AND r.id IS NOT NULL
    RETURN { id: r.id, type: type(r), source: a.id, target: b.id, validFrom: r.validFrom, validTo: r.validTo, citationCount: size(r.citationIds) } AS x
    ORDER BY r.id
  } AS edges,
  COLLECT {
    UNWIND around AS e
    MATCH (a:Entity)-[pa:PARTICIPATES_IN]->(e:Event)
    WHERE a IN around
    RETURN { id: pa.id, eventId: e.id, entityId: a.id, role: pa.role } AS x
    ORDER BY pa.id
  } AS participations`;

/** ENTITY_NEIGHBOURHOOD[hops]: see entityNeighbourhood. */
export const ENTITY_NEIGHBOURHOOD: Readonly<Record<1 | 2, string>> = { 1: entityNeighbourhood(1), 2: entityNeighbourhood(2) };
