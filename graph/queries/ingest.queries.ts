import { RELATION_TYPES, type RelationType } from '../../lib/model/vocab';

/**
 * Queries of the ingest commit and of what the pipeline needs to know about a case. The commit
 * adds to a case and never prunes it (import.queries' PRUNE_CASE is for whole-case loads); it runs
 * in one transaction with the import queries it reuses (see ingest.repo.ts).
 */

/** The case and its entities, for resolving mentions; one round trip. */
export const CASE_FOR_INGEST = `
MATCH (c:Case {id: $caseId})
RETURN c { .id, .title, .summary } AS case,
  COLLECT {
    MATCH (c)-[:HAS_ENTITY]->(e:Entity)
    RETURN e { .id, .type, .name, .aliases } AS e ORDER BY e.name, e.id
  } AS entities`;

/** A source of this case with the same text: re-ingesting it must change nothing. */
export const SOURCE_BY_HASH = `
MATCH (c:Case {id: $caseId})-[:HAS_SOURCE]->(s:Source {contentHash: $contentHash})
RETURN s.id AS id
LIMIT 1`;

/**
 * Entities, additively: a new one is created with its properties; an existing one keeps its own
 * (name, type, description) and gains citations and new aliases. Returns one row per entity found
 * or created, so the caller can tell when a linked entity has gone missing.
 */
export const ADD_ENTITIES = `
MATCH (c:Case {id: $caseId})
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.id})
WITH c, row, existing
WHERE existing IS NULL OR existing.caseId = $caseId
CALL (c, row, existing) {
  WITH c, row, existing WHERE existing IS NULL AND row.create
  CREATE (e:Entity)
  SET e = row.props
  MERGE (c)-[:HAS_ENTITY]->(e)
  RETURN e
UNION
  WITH row, existing WHERE existing IS NOT NULL
  WITH existing AS e, row
  WITH e, [a IN row.newAliases WHERE NOT a.name IN coalesce(e.aliases, [])] AS fresh
  SET e.aliases = coalesce(e.aliases, []) + [a IN fresh | a.name],
      e.aliasLangs = coalesce(e.aliasLangs, []) + [a IN fresh | a.lang],
      e.aliasText = reduce(t = coalesce(e.aliasText, ''), a IN fresh | CASE WHEN t = '' THEN a.name ELSE t + ' | ' + a.name END)
  RETURN e
}
WITH e, row
CALL (e, row) {
  UNWIND row.citationIds AS citationId
  MATCH (ci:Citation {id: citationId})
  MERGE (ci)-[:SUPPORTS]->(e)
}
RETURN e.id AS id`;

/**
 * Relationships read in an article, additively: one per (type, from, to) whatever its id, so an
 * existing edge (curated, or from an earlier article) gains this article's citations instead of
 * being duplicated or having its own replaced; a new edge gets the row's id and validity.
 * Relationship types cannot be parameters: one query per type, from the model's fixed list.
 */
export const ADD_RELATIONS: Readonly<Record<RelationType, string>> = Object.fromEntries(
  RELATION_TYPES.map((type) => [
    type,
    `UNWIND $rows AS row
MATCH (c:Case {id: $caseId})-[:HAS_ENTITY]->(a:Entity {id: row.fromId}), (c)-[:HAS_ENTITY]->(b:Entity {id: row.toId})
MERGE (a)-[r:${type}]->(b)
ON CREATE SET r.id = row.id, r.validFrom = row.validFrom, r.validTo = row.validTo,
    r.validFromAt = CASE WHEN row.validFromAt IS NULL THEN null ELSE datetime(row.validFromAt) END,
    r.validToAt = CASE WHEN row.validToAt IS NULL THEN null ELSE datetime(row.validToAt) END,
    r.citationIds = []
SET r.citationIds = r.citationIds + [x IN row.citationIds WHERE NOT x IN r.citationIds]
RETURN row.id AS id`,
  ]),
) as Record<RelationType, string>;
