/**
 * Stories (presentations) of a case. A Story node holds the whole story: title, summary and the
 * ordered steps as one validated JSON document (`steps`), plus `version`, the optimistic-lock
 * token every save is checked against. Keyed by a deterministic id from (caseId, slug)
 * (lib/stories/story-ids.ts); the slug is the story's public id.
 *
 *   (:Case)-[:HAS_STORY]->(:Story {id, slug, caseId, title, summary, steps, version, updatedAt, updatedBy})
 */

const STORY_FIELDS = 's { .id, .slug, .caseId, .title, .summary, .steps, .version, updatedAt: toString(s.updatedAt) }';

export const LIST_STORIES = `
MATCH (c:Case {id: $caseId})-[:HAS_STORY]->(s:Story)
RETURN ${STORY_FIELDS} AS story
ORDER BY toLower(s.title), s.slug`;

export const GET_STORY = `
MATCH (s:Story {id: $id})
WHERE s.caseId = $caseId
RETURN ${STORY_FIELDS} AS story`;

/**
 * Takes the story's write lock before reading its version, so two saves from the same version
 * cannot both pass the check: the second waits for the first to commit, then reads its version.
 */
export const LOCK_STORY = `
MATCH (s:Story {id: $id})
WHERE s.caseId = $caseId
SET s.lock = true
REMOVE s.lock
RETURN s.version AS version`;

/**
 * Which of the given ids are records of this case (seeks on the unique ids, then the case's own
 * relationship): anything else is missing or another case's.
 */
export const STORY_REFERENCES_IN_CASE = `
MATCH (c:Case {id: $caseId})
RETURN
  [id IN $eventIds WHERE EXISTS { MATCH (e:Event {id: id})<-[:HAS_EVENT]-(c) }] AS events,
  [id IN $entityIds WHERE EXISTS { MATCH (e:Entity {id: id})<-[:HAS_ENTITY]-(c) }] AS entities,
  [id IN $citationIds WHERE EXISTS { MATCH (ci:Citation {id: id})-[:QUOTES]->(:Source)<-[:HAS_SOURCE]-(c) }] AS citations`;

export const CREATE_STORY = `
MATCH (c:Case {id: $caseId})
CREATE (s:Story {id: $row.id, slug: $row.slug, caseId: $caseId, title: $row.title, summary: $row.summary,
                 steps: $row.steps, version: 1, updatedAt: datetime(), updatedBy: $userId})
CREATE (c)-[:HAS_STORY]->(s)
RETURN ${STORY_FIELDS} AS story`;

/** A whole-story save: the version moves on only when something changed (the same save twice is one change). */
export const UPDATE_STORY = `
MATCH (s:Story {id: $id})
WHERE s.caseId = $caseId
WITH s, (s.title <> $row.title OR s.summary <> $row.summary OR s.steps <> $row.steps) AS changed
SET s.title = $row.title, s.summary = $row.summary, s.steps = $row.steps,
    s.version = CASE WHEN changed THEN s.version + 1 ELSE s.version END,
    s.updatedAt = CASE WHEN changed THEN datetime() ELSE s.updatedAt END,
    s.updatedBy = CASE WHEN changed THEN $userId ELSE s.updatedBy END
RETURN ${STORY_FIELDS} AS story`;

export const DELETE_STORY = `
MATCH (s:Story {id: $id})
WHERE s.caseId = $caseId
DETACH DELETE s
RETURN count(*) AS deleted`;

/**
 * Stories of a bundle or a case folder, written inside the case import's transaction. What the
 * file says wins (as for statuses: reloading the case file restores the file); the version moves
 * on only when the content differs, so loading the same stories twice changes nothing.
 */
export const MERGE_STORIES = `
MATCH (c:Case {id: $caseId})
UNWIND $rows AS row
MERGE (s:Story {id: row.id})
ON CREATE SET s.version = 0, s.slug = row.slug, s.caseId = $caseId
WITH c, s, row, (s.version = 0 OR s.title <> row.title OR s.summary <> row.summary OR s.steps <> row.steps) AS changed
SET s.title = row.title, s.summary = row.summary, s.steps = row.steps,
    s.version = CASE WHEN changed THEN s.version + 1 ELSE s.version END,
    s.updatedAt = CASE WHEN changed THEN datetime() ELSE s.updatedAt END
MERGE (c)-[:HAS_STORY]->(s)`;

/** Seeds only the stories a case does not have yet (an existing database keeps its editors' edits). */
export const CREATE_MISSING_STORIES = `
MATCH (c:Case {id: $caseId})
UNWIND $rows AS row
MERGE (s:Story {id: row.id})
ON CREATE SET s.slug = row.slug, s.caseId = $caseId, s.title = row.title, s.summary = row.summary,
              s.steps = row.steps, s.version = 1, s.updatedAt = datetime()
MERGE (c)-[:HAS_STORY]->(s)
RETURN count(*) AS seen`;

/** A restored bundle that carries stories makes the case's stories exactly those. */
export const PRUNE_STORIES = `
MATCH (c:Case {id: $caseId})-[:HAS_STORY]->(s:Story)
WHERE NOT s.id IN $ids
DETACH DELETE s`;
