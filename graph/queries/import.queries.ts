import { spanClassOf } from './event-span';
import { RELATION_TYPES, type RelationType } from '../../lib/model/vocab';

/**
 * Writes of a whole case bundle, batched with UNWIND (one round trip per record kind). All run in
 * one transaction (see import.repo.ts). MERGE on deterministic ids + SET makes every write
 * idempotent; the PRUNE_* queries remove what a newer version of the case no longer has.
 */

export const MERGE_CASE = `
MERGE (c:Case {id: $case.id})
SET c.title = $case.title, c.summary = $case.summary, c.updatedAt = datetime()`;

export const MERGE_SOURCES = `
MATCH (c:Case {id: $caseId})
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row
MERGE (c)-[:HAS_SOURCE]->(s)`;

export const MERGE_CITATIONS = `
UNWIND $rows AS row
MATCH (s:Source {id: row.sourceId})
MERGE (ci:Citation {id: row.id})
SET ci += row
MERGE (ci)-[:QUOTES]->(s)`;

export const MERGE_ENTITIES = `
MATCH (c:Case {id: $caseId})
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e += row.props
MERGE (c)-[:HAS_ENTITY]->(e)
WITH e, row
CALL (e, row) {
  OPTIONAL MATCH (old:Citation)-[r:SUPPORTS]->(e) WHERE NOT old.id IN row.citationIds
  DELETE r
}
WITH e, row
UNWIND row.citationIds AS citationId
MATCH (ci:Citation {id: citationId})
MERGE (ci)-[:SUPPORTS]->(e)`;

/**
 * Events, relationships and participations must rest on citations that exist. This check runs in
 * the same transaction as the writes, so a row whose citations are missing fails the whole import
 * instead of being stored uncited.
 */
export const CHECK_CITATIONS_EXIST = `
UNWIND $rows AS row
OPTIONAL MATCH (ci:Citation) WHERE ci.id IN row.citationIds
WITH row, count(ci) AS found
WHERE found = 0 OR found < size(row.citationIds)
RETURN row.id AS id, row.citationIds AS wanted, found`;

export const WRITE_EVENTS = `
MATCH (c:Case {id: $caseId})
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
// The version counts status changes (an editor's expectedVersion is checked against it), so a
// reload that changes nothing leaves it alone.
SET e.version = CASE
  WHEN e.status IS NOT NULL AND (e.status <> row.props.status OR coalesce(e.statusReason, '') <> coalesce(row.props.statusReason, ''))
  THEN coalesce(e.version, 0) + 1 ELSE coalesce(e.version, 0) END
SET e += row.props, e.startAt = datetime(row.startAt), e.endAt = datetime(row.endAt)
// The span (seconds) and its class bound how far before a window an overlapping event can start (event-span.ts).
SET e.span = duration.inSeconds(e.startAt, e.endAt).seconds
SET e.spanClass = ${spanClassOf('e.span')}
MERGE (c)-[:HAS_EVENT]->(e)
WITH e, row
CALL (e, row) {
  OPTIONAL MATCH (old:Citation)-[r:SUPPORTS]->(e) WHERE NOT old.id IN row.citationIds
  DELETE r
}
WITH e, row
UNWIND row.citationIds AS citationId
MATCH (ci:Citation {id: citationId})
MERGE (ci)-[:SUPPORTS]->(e)`;

export const WRITE_PARTICIPATIONS = `
UNWIND $rows AS row
MATCH (en:Entity {id: row.entityId}), (ev:Event {id: row.eventId})
MERGE (en)-[p:PARTICIPATES_IN {id: row.id}]->(ev)
SET p.role = row.role, p.citationIds = row.citationIds,
    // Its ends' ids, for the participation index (migration 0014) that a neighbourhood reads in order.
    p.entityId = row.entityId, p.eventId = row.eventId`;

/** Relationship types cannot be parameters, so there is one query per type, built from the fixed list. */
export const WRITE_RELATIONS: Readonly<Record<RelationType, string>> = Object.fromEntries(
  RELATION_TYPES.map((type) => [
    type,
    `UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId}), (b:Entity {id: row.toId})
MERGE (a)-[r:${type} {id: row.id}]->(b)
SET r.validFrom = row.validFrom, r.validTo = row.validTo,
    r.validFromAt = CASE WHEN row.validFromAt IS NULL THEN null ELSE datetime(row.validFromAt) END,
    r.validToAt = CASE WHEN row.validToAt IS NULL THEN null ELSE datetime(row.validToAt) END,
    r.citationIds = row.citationIds`,
  ]),
) as Record<RelationType, string>;

/** Removes what the case had but the new bundle does not (records, and relationships among its entities). */
export const PRUNE_CASE = `
MATCH (c:Case {id: $caseId})
CALL (c) {
  MATCH (c)-[:HAS_EVENT]->(e:Event) WHERE NOT e.id IN $eventIds DETACH DELETE e
}
CALL (c) {
  MATCH (c)-[:HAS_ENTITY]->(e:Entity) WHERE NOT e.id IN $entityIds DETACH DELETE e
}
CALL (c) {
  MATCH (c)-[:HAS_SOURCE]->(s:Source)<-[:QUOTES]-(ci:Citation) WHERE NOT ci.id IN $citationIds DETACH DELETE ci
}
CALL (c) {
  MATCH (c)-[:HAS_SOURCE]->(s:Source) WHERE NOT s.id IN $sourceIds DETACH DELETE s
}
CALL (c) {
  MATCH (c)-[:HAS_ENTITY]->(:Entity)-[p:PARTICIPATES_IN]->(:Event) WHERE NOT p.id IN $participationIds DELETE p
}
CALL (c) {
  MATCH (c)-[:HAS_ENTITY]->(:Entity)-[r]->(:Entity) WHERE NOT r.id IN $relationIds DELETE r
}`;

export const CASE_EXISTS = 'MATCH (c:Case {id: $caseId}) RETURN c.id AS id';

/** Counts used by tests and by `npm start` to say what is there. */
export const CASE_COUNTS = `
MATCH (c:Case {id: $caseId})
RETURN
  COUNT { (c)-[:HAS_SOURCE]->() } AS sources,
  COUNT { (c)-[:HAS_SOURCE]->()<-[:QUOTES]-() } AS citations,
  COUNT { (c)-[:HAS_ENTITY]->() } AS entities,
  COUNT { (c)-[:HAS_EVENT]->() } AS events,
  COUNT { (c)-[:HAS_ENTITY]->()-[:PARTICIPATES_IN]->() } AS participations,
  COUNT { (c)-[:HAS_ENTITY]->()-[r]->(:Entity) } AS relations,
  COUNT { (c)-[:HAS_EVENT]->()<-[:SUPPORTS]-() } AS eventSupports`;

/**
 * Deleting a case, in steps, so that a case of any size goes (a million events is gigabytes of
 * transaction state in one transaction; Neo4j refuses it). First, in one transaction, the Case node
 * leaves the :Case label for :DeletedCase: every read starts from the case, so the whole case
 * disappears at once, and an import of the same id is refused while the tombstone stands
 * (DELETED_CASE_EXISTS). Then its records go in batches, found by their caseId indexes; the
 * tombstone goes last. A deletion cut short (a crash, a restart) is finished by the next deleteCase.
 */
export const TOMBSTONE_CASE = `
MATCH (c:Case {id: $caseId})
REMOVE c:Case
SET c:DeletedCase, c.deletedAt = datetime()`;

/**
 * Each label's nodes of one case, by an index on caseId: single-property for most; Event and
 * EventDay have composite ones (caseId first), which the planner uses only with a predicate on
 * every key, hence the IS NOT NULL their nodes always meet.
 */
const CASE_RECORDS: ReadonlyArray<readonly [label: string, keys: string]> = [
  ['Event', 'n.startAt IS NOT NULL'],
  ['Citation', 'true'],
  ['Entity', 'true'],
  ['Source', 'true'],
  ['Story', 'true'],
  ['EventDay', 'n.day IS NOT NULL'],
];

/** One per label, then whatever the tombstone still links to; auto-commit (CALL IN TRANSACTIONS cannot run in an explicit transaction). */
export const PURGE_CASE_RECORDS: readonly string[] = [
  ...CASE_RECORDS.map(
    ([label, keys]) => `
MATCH (n:${label}) WHERE n.caseId = $caseId AND ${keys}
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
  ),
  `
MATCH (:DeletedCase {id: $caseId})-[:HAS_EVENT|HAS_ENTITY|HAS_SOURCE|HAS_STORY]->(n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
];

export const DELETE_TOMBSTONE = `
MATCH (c:DeletedCase {id: $caseId})
DETACH DELETE c`;

export const DELETED_CASE_EXISTS = `
MATCH (c:DeletedCase {id: $caseId})
RETURN count(c) > 0 AS deleting`;
