/**
 * Published versions of a case (issue 6): one immutable (:Publication) per (caseId, version),
 * holding the canonical bundle as JSON text. Not linked to the (:Case) node by a relationship on
 * purpose: re-importing or replacing a case detaches and rewrites what hangs off it, and a
 * publication must outlive any edit of the live case.
 */

/**
 * Idempotent publish, in one transaction: MERGE on the uniquely constrained key, so publishing
 * unchanged content (or two editors at once) yields the one existing node, whose snapshot,
 * date and publisher are never overwritten (only ON CREATE sets them). `created` tells 201 from 200.
 */
export const PUBLISH_VERSION = `
MATCH (c:Case {id: $caseId})
OPTIONAL MATCH (old:Publication {caseId: $caseId, version: $version})
WITH c, old IS NULL AS fresh
MERGE (p:Publication {caseId: $caseId, version: $version})
ON CREATE SET p.publishedAt = datetime(), p.publishedBy = $username, p.publishedById = $userId,
              p.title = c.title, p.bundle = $bundle, p.bytes = $bytes
RETURN p { .caseId, .version, .publishedAt, .publishedBy, .title, .bytes } AS publication, fresh AS created`;

/** The case's publications, newest first (metadata only: the snapshots are not read). */
export const LIST_PUBLICATIONS = `
MATCH (p:Publication {caseId: $caseId})
// Every publication has a version: said here so the (caseId, version) constraint's index is sought.
WHERE p.version IS NOT NULL
RETURN p { .caseId, .version, .publishedAt, .publishedBy, .title, .bytes } AS publication
ORDER BY p.publishedAt DESC, p.version
LIMIT $limit`;

/** One publication without its snapshot: is this version published, and under which title. */
export const GET_PUBLICATION_SUMMARY = `
MATCH (p:Publication {caseId: $caseId, version: $version})
RETURN p { .caseId, .version, .publishedAt, .publishedBy, .title, .bytes } AS publication`;

/** One publication with its snapshot. */
export const GET_PUBLICATION = `
MATCH (p:Publication {caseId: $caseId, version: $version})
RETURN p { .caseId, .version, .publishedAt, .publishedBy, .title, .bytes } AS publication, p.bundle AS bundle`;
