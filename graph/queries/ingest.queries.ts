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
