/**
 * Accounts, sessions, API tokens and case access. Secrets are stored only as SHA-256 hashes
 * (lib/auth/tokens.ts); expiry is checked in the query so an expired session never authenticates.
 */

export const CREATE_USER = `
CREATE (u:User {id: $id, username: $username, role: $role, passwordHash: $passwordHash, createdAt: datetime()})
RETURN u { .id, .username, .role } AS user`;

export const SET_PASSWORD = `
MATCH (u:User {username: $username})
SET u.passwordHash = $passwordHash
WITH u
OPTIONAL MATCH (u)-[:HAS_SESSION]->(s:Session)
DETACH DELETE s
RETURN u { .id, .username, .role } AS user`;

export const GET_USER_CREDENTIALS = `
MATCH (u:User {username: $username})
RETURN u { .id, .username, .role } AS user, u.passwordHash AS passwordHash`;

/** Removes an account with its sessions and tokens (its case memberships go with it). */
export const DELETE_USER = `
MATCH (u:User {username: $username})
OPTIONAL MATCH (u)-[:HAS_SESSION|HAS_TOKEN]->(x)
DETACH DELETE x, u`;

export const COUNT_USERS = 'MATCH (u:User) RETURN count(u) AS n';

export const CREATE_SESSION = `
MATCH (u:User {id: $userId})
CREATE (u)-[:HAS_SESSION]->(:Session {tokenHash: $tokenHash, csrfToken: $csrfToken,
  createdAt: datetime(), expiresAt: datetime() + duration({seconds: $ttlSeconds})})`;

export const GET_SESSION = `
MATCH (u:User)-[:HAS_SESSION]->(s:Session {tokenHash: $tokenHash})
WHERE s.expiresAt > datetime()
RETURN u { .id, .username, .role } AS user, s.csrfToken AS csrfToken`;

export const DELETE_SESSION = 'MATCH (s:Session {tokenHash: $tokenHash}) DETACH DELETE s';

/** Housekeeping on each sign-in: expired sessions of everyone go. */
export const DELETE_EXPIRED_SESSIONS = 'MATCH (s:Session) WHERE s.expiresAt <= datetime() DETACH DELETE s';

export const CREATE_API_TOKEN = `
MATCH (u:User {username: $username})
CREATE (u)-[:HAS_TOKEN]->(:ApiToken {tokenHash: $tokenHash, label: $label, createdAt: datetime()})
RETURN u { .id, .username, .role } AS user`;

export const GET_API_TOKEN_USER = `
MATCH (u:User)-[:HAS_TOKEN]->(t:ApiToken {tokenHash: $tokenHash})
RETURN u { .id, .username, .role } AS user`;

/** A case's visibility (null: no such case). Cases without the property are public. */
export const GET_CASE_ACCESS = `
MATCH (c:Case {id: $caseId})
RETURN coalesce(c.visibility, 'public') AS visibility,
       ($userId IS NOT NULL AND EXISTS { (:User {id: $userId})-[:MEMBER]->(c) }) AS member`;

/**
 * The case a record belongs to, one query per label (labels cannot be parameters; this fixed list
 * is the only source of them), so each is an index seek on the unique id.
 */
const RECORD_LABELS = { event: 'Event', entity: 'Entity', source: 'Source', citation: 'Citation' } as const;
export type RecordKind = keyof typeof RECORD_LABELS;
/**
 * The record's case with who may read it (as GET_CASE_ACCESS), in one round trip: asked before
 * every detail read, so it is one query, not "which case?" then "may they?".
 */
export const CASE_ACCESS_OF_RECORD: Readonly<Record<RecordKind, string>> = Object.fromEntries(
  Object.entries(RECORD_LABELS).map(([kind, label]) => [
    kind,
    `MATCH (n:${label} {id: $id})
MATCH (c:Case {id: n.caseId})
RETURN c.id AS caseId, coalesce(c.visibility, 'public') AS visibility,
       ($userId IS NOT NULL AND EXISTS { (:User {id: $userId})-[:MEMBER]->(c) }) AS member`,
  ]),
) as Record<RecordKind, string>;

/** Case ids the user may read: public ones and those they are a member of. */
export const READABLE_CASE_IDS = `
MATCH (c:Case)
WHERE coalesce(c.visibility, 'public') = 'public'
   OR ($userId IS NOT NULL AND EXISTS { (:User {id: $userId})-[:MEMBER]->(c) })
RETURN collect(c.id) AS ids`;

/** Visibility, and (in the same transaction) membership for $member when given. */
export const SET_CASE_VISIBILITY = `
MATCH (c:Case {id: $caseId})
SET c.visibility = $visibility
WITH c
OPTIONAL MATCH (u:User {username: $member})
FOREACH (_ IN CASE WHEN u IS NULL THEN [] ELSE [1] END | MERGE (u)-[:MEMBER]->(c))
RETURN c.visibility AS visibility`;
