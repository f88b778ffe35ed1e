/**
 * Read queries. Every value is a parameter; windows are half-open [from, to) over the instants
 * derived from partial dates, so an event known only to "January 2022" is in any window that
 * touches January.
 */

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

const EVENT_FIELDS = `.id, .title, .kind, .start, .end, .precision, .endPrecision, .approximate, .endApproximate, .timeZone, .status`;

export const LIST_EVENTS = `
MATCH (e:Event)
WHERE e.caseId = $caseId
  AND ($from IS NULL OR e.endAt > datetime($from))
  AND ($to IS NULL OR e.startAt < datetime($to))
RETURN e { ${EVENT_FIELDS},
  citationCount: COUNT { (:Citation)-[:SUPPORTS]->(e) },
  participantIds: COLLECT { MATCH (en:Entity)-[:PARTICIPATES_IN]->(e) RETURN en.id ORDER BY en.id },
  sourceIds: COLLECT { MATCH (s:Source)<-[:QUOTES]-(:Citation)-[:SUPPORTS]->(e) RETURN DISTINCT s.id AS sid ORDER BY sid } } AS event
ORDER BY e.startAt, e.id`;

export const LIST_ENTITIES = `
MATCH (n:Entity)
WHERE n.caseId = $caseId
RETURN n { .id, .type, .name, .aliases, .aliasLangs } AS n
ORDER BY n.name, n.id`;

/** Relationships among the case's entities, kept when their validity overlaps the window. */
export const LIST_RELATIONS = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.caseId = $caseId AND r.id IS NOT NULL
  AND ($to IS NULL OR r.validFromAt IS NULL OR r.validFromAt < datetime($to))
  AND ($from IS NULL OR r.validToAt IS NULL OR r.validToAt > datetime($from))
RETURN { id: r.id, type: type(r), source: a.id, target: b.id, validFrom: r.validFrom, validTo: r.validTo,
         citationCount: size(r.citationIds) } AS r
ORDER BY r.id`;

export const LIST_PARTICIPATIONS = `
MATCH (en:Entity)-[p:PARTICIPATES_IN]->(e:Event)
WHERE e.caseId = $caseId
  AND ($from IS NULL OR e.endAt > datetime($from))
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
    MATCH (a:Entity)-[r]->(b:Entity) WHERE (a = n OR b = n) AND r.id IS NOT NULL
    RETURN { id: r.id, type: type(r), from: a { .id, .name, .type }, to: b { .id, .name, .type },
             validFrom: r.validFrom, validTo: r.validTo,
             citations: COLLECT { MATCH (rc:Citation) WHERE rc.id IN r.citationIds RETURN ${CITATION_WITH_SOURCE('rc')} AS c ORDER BY rc.start } } AS x
    ORDER BY r.id
  } AS relations`;

export const PING = 'RETURN 1 AS ok';

/**
 * Full-text search within one case. $lucene is built by lib/search/lucene.ts from user text, every
 * special character escaped. A citation is not selectable by itself, so it carries what it supports
 * (events first, then entities): selecting the hit selects that.
 */
export const SEARCH = `
CALL db.index.fulltext.queryNodes('search_text', $lucene) YIELD node, score
WHERE node.caseId = $caseId
WITH node, score
ORDER BY score DESC, node.id
LIMIT $limit
RETURN CASE WHEN node:Entity THEN 'entity' WHEN node:Event THEN 'event' ELSE 'citation' END AS kind,
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
 * The neighbourhood of an entity, up to $hops (1 or 2) steps along relationships and
 * participations (an event is a step: entity → event → co-participant is 2 hops). Only edges that
 * carry our ids are walked, so case membership and citation links are never steps.
 */
export const ENTITY_NEIGHBOURHOOD = `
MATCH (n:Entity {id: $id})
OPTIONAL MATCH p = (n)-[rels*1..2]-(m)
WHERE length(p) <= $hops AND all(r IN rels WHERE r.id IS NOT NULL) AND all(x IN nodes(p) WHERE x:Entity OR x:Event)
WITH n, collect(DISTINCT m) AS ms
WITH n, [n] + [m IN ms WHERE m <> n] AS around
RETURN n.caseId AS caseId,
  [x IN around WHERE x:Entity | x { .id, .type, .name, .aliases, .aliasLangs }] AS entities,
  [x IN around WHERE x:Event | x.id] AS eventIds,
  COLLECT {
    MATCH (a:Entity)-[r]->(b:Entity) WHERE a IN around AND b IN around AND r.id IS NOT NULL
    RETURN { id: r.id, type: type(r), source: a.id, target: b.id, validFrom: r.validFrom, validTo: r.validTo, citationCount: size(r.citationIds) } AS x
    ORDER BY r.id
  } AS edges,
  COLLECT {
    MATCH (a:Entity)-[pa:PARTICIPATES_IN]->(e:Event) WHERE a IN around AND e IN around
    RETURN { id: pa.id, eventId: e.id, entityId: a.id, role: pa.role } AS x
    ORDER BY pa.id
  } AS participations`;
