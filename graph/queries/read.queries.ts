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
  participantIds: COLLECT { MATCH (en:Entity)-[:PARTICIPATES_IN]->(e) RETURN en.id ORDER BY en.id } } AS event
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
const CITATION_WITH_SOURCE = (v: string) => `${v} { .*, source: [(${v})-[:QUOTES]->(s:Source) | s { .id, .title, .publisher, .published, .url, .reliabilityNote }][0] }`;

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

export const GET_SOURCE = `
MATCH (s:Source {id: $id})
RETURN s AS source,
  COLLECT { MATCH (ci:Citation)-[:QUOTES]->(s) RETURN ci ORDER BY ci.start } AS citations`;

export const PING = 'RETURN 1 AS ok';
