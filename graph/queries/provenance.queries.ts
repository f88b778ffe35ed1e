/**
 * Provenance queries: the source reader, replacing a source's text with its citations re-anchored,
 * the citation audit, and an editor's status override. Every value is a parameter.
 */
import { RELATION_TYPES } from '../../lib/model/vocab';

const RELATION_STEP = RELATION_TYPES.join('|');

/** A source with each citation in it and everything each citation supports. */
export const GET_SOURCE_READER = `
MATCH (s:Source {id: $id})
WITH s, COLLECT { MATCH (ci:Citation)-[:QUOTES]->(s) RETURN ci.id } AS quoted
// Participations and relationships keep their citations as id lists, which no index reaches: read
// the case's once (from the case, never a scan of every case's) and hand each citation its own.
WITH s,
  COLLECT {
    MATCH (:Case {id: s.caseId})-[:HAS_EVENT]->(e:Event)<-[p:PARTICIPATES_IN]-(en:Entity)
    WHERE any(id IN p.citationIds WHERE id IN quoted)
    RETURN { eventId: e.id, eventTitle: e.title, entityId: en.id, entityName: en.name, role: p.role, citationIds: p.citationIds } AS x
    ORDER BY e.title, en.name
  } AS parts,
  COLLECT {
    MATCH (:Case {id: s.caseId})-[:HAS_ENTITY]->(a:Entity)-[r:${RELATION_STEP}]->(b)
    WHERE any(id IN r.citationIds WHERE id IN quoted)
    RETURN { id: r.id, type: type(r), from: a { .id, .name, .type }, to: b { .id, .name, .type }, citationIds: r.citationIds } AS x
    ORDER BY r.id
  } AS rels
RETURN s AS source,
  COLLECT {
    MATCH (ci:Citation)-[:QUOTES]->(s)
    RETURN {
      citation: ci,
      events: COLLECT { MATCH (ci)-[:SUPPORTS]->(e:Event) RETURN e { .id, .caseId, .title, .status } AS x ORDER BY e.startAt, e.id },
      entities: COLLECT { MATCH (ci)-[:SUPPORTS]->(n:Entity) RETURN n { .id, .caseId, .name, .type } AS x ORDER BY n.name, n.id },
      participations: [x IN parts WHERE ci.id IN x.citationIds | x { .eventId, .eventTitle, .entityId, .entityName, .role }],
      relations: [x IN rels WHERE ci.id IN x.citationIds | x { .id, .type, .from, .to }]
    } AS c
    ORDER BY ci.start, ci.id
  } AS citations`;

/** What re-anchoring needs, read inside the write transaction that replaces the text. */
export const GET_SOURCE_FOR_REANCHOR = `
MATCH (s:Source {id: $id})
RETURN s AS source, COLLECT { MATCH (ci:Citation)-[:QUOTES]->(s) RETURN ci ORDER BY ci.start, ci.id } AS citations`;

export const UPDATE_SOURCE_TEXT = `
MATCH (s:Source {id: $id})
SET s.text = $text, s.contentHash = $contentHash, s.furnitureJson = $furnitureJson,
    s.previousContentHash = $previousContentHash, s.revisedAt = datetime()`;

export const UPDATE_CITATION_ANCHORS = `
UNWIND $rows AS row
MATCH (ci:Citation {id: row.id})
SET ci.quote = row.quote, ci.prefix = row.prefix, ci.suffix = row.suffix,
    ci.start = row.start, ci.end = row.end, ci.orphaned = row.orphaned,
    ci.reanchoredAt = datetime(), ci.reanchorMethod = row.method, ci.orphanReason = row.orphanReason`;

/** Every source (of one case, or all) with its text and citations, for the audit. */
export const LIST_SOURCES_FOR_AUDIT = `
MATCH (s:Source)
WHERE $caseId IS NULL OR s.caseId = $caseId
RETURN s { .id, .caseId, .title, .text } AS source,
  COLLECT { MATCH (ci:Citation)-[:QUOTES]->(s) RETURN ci ORDER BY ci.start, ci.id } AS citations
ORDER BY s.caseId, s.id`;

/** An event's status fields and the evidence the rules read, inside the transaction that changes it. */
export const GET_EVENT_STATUS = `
MATCH (e:Event {id: $id})
RETURN e.caseId AS caseId, e.status AS status, e.statusReason AS statusReason, coalesce(e.version, 0) AS version`;

export const SET_EVENT_STATUS = `
MATCH (e:Event {id: $id})
SET e.status = $status, e.statusReason = $reason, e.statusSetAt = datetime(), e.version = coalesce(e.version, 0) + 1
RETURN e.version AS version`;
