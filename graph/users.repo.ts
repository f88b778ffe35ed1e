import 'server-only';
import { UserView, type Role, type Visibility } from '../lib/auth/auth.schema';
import { idKindOf, sha256Hex } from '../lib/model/ids';
import { read, writeTransaction } from './driver';
import { toNumber, toPlain } from './decode';
import { ConflictError, NotFoundError } from './errors';
import {
  CASE_ACCESS_OF_RECORD,
  COUNT_USERS,
  CREATE_API_TOKEN,
  CREATE_SESSION,
  CREATE_USER,
  DELETE_EXPIRED_SESSIONS,
  DELETE_SESSION,
  DELETE_USER,
  GET_API_TOKEN_USER,
  GET_CASE_ACCESS,
  GET_SESSION,
  GET_USER_CREDENTIALS,
  READABLE_CASE_IDS,
  SET_CASE_VISIBILITY,
  SET_PASSWORD,
  type RecordKind,
} from './queries/auth.queries';

/** Accounts, sessions, tokens and case access in Neo4j. Secrets arrive here already hashed. */

const asUser = (v: unknown) => UserView.parse(toPlain(v));

/** User ids derive from the username, like every other id here. */
export function userIdOf(username: string): string {
  return `usr_${sha256Hex(`user\u001f${username}`).slice(0, 16)}`;
}

export async function createUser(username: string, role: Role, passwordHash: string): Promise<UserView> {
  try {
    const res = await writeTransaction((tx) => tx.run(CREATE_USER, { id: userIdOf(username), username, role, passwordHash }));
    return asUser(res.records[0]!.get('user'));
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError(`a user named "${username}" already exists`);
    throw e;
  }
}

/** New password; every session of the user ends (API tokens stay: they are revoked one by one). */
export async function setPassword(username: string, passwordHash: string): Promise<UserView> {
  const res = await writeTransaction((tx) => tx.run(SET_PASSWORD, { username, passwordHash }));
  const rec = res.records[0];
  if (!rec) throw new NotFoundError(`no user named "${username}"`);
  return asUser(rec.get('user'));
}

export async function deleteUser(username: string): Promise<void> {
  await writeTransaction((tx) => tx.run(DELETE_USER, { username }));
}

export async function getCredentials(username: string): Promise<{ user: UserView; passwordHash: string } | null> {
  const rec = (await read(GET_USER_CREDENTIALS, { username })).records[0];
  return rec ? { user: asUser(rec.get('user')), passwordHash: String(rec.get('passwordHash')) } : null;
}

export async function countUsers(): Promise<number> {
  return toNumber((await read(COUNT_USERS)).records[0]?.get('n'));
}

export async function createSession(userId: string, tokenHash: string, csrfToken: string, ttlSeconds: number): Promise<void> {
  await writeTransaction(async (tx) => {
    await tx.run(DELETE_EXPIRED_SESSIONS);
    await tx.run(CREATE_SESSION, { userId, tokenHash, csrfToken, ttlSeconds });
  });
}

export async function getSession(tokenHash: string): Promise<{ user: UserView; csrfToken: string } | null> {
  const rec = (await read(GET_SESSION, { tokenHash })).records[0];
  return rec ? { user: asUser(rec.get('user')), csrfToken: String(rec.get('csrfToken')) } : null;
}

export async function deleteSession(tokenHash: string): Promise<void> {
  await writeTransaction((tx) => tx.run(DELETE_SESSION, { tokenHash }));
}

export async function createApiToken(username: string, tokenHash: string, label: string): Promise<UserView> {
  const res = await writeTransaction((tx) => tx.run(CREATE_API_TOKEN, { username, tokenHash, label }));
  const rec = res.records[0];
  if (!rec) throw new NotFoundError(`no user named "${username}"`);
  return asUser(rec.get('user'));
}

export async function getApiTokenUser(tokenHash: string): Promise<UserView | null> {
  const rec = (await read(GET_API_TOKEN_USER, { tokenHash })).records[0];
  return rec ? asUser(rec.get('user')) : null;
}

export interface CaseAccess {
  visibility: Visibility;
  member: boolean;
}

/** Null when the case does not exist. */
export async function getCaseAccess(caseId: string, userId: string | null): Promise<CaseAccess | null> {
  const rec = (await read(GET_CASE_ACCESS, { caseId, userId })).records[0];
  return rec ? { visibility: rec.get('visibility') as Visibility, member: Boolean(rec.get('member')) } : null;
}

/**
 * The case of an event, entity, source or citation id, with who may read it (as getCaseAccess);
 * null for an unknown or malformed id.
 */
export async function caseAccessOfRecord(id: string, userId: string | null): Promise<(CaseAccess & { caseId: string }) | null> {
  const kind = idKindOf(id);
  if (kind === null || !(kind in CASE_ACCESS_OF_RECORD)) return null;
  const rec = (await read(CASE_ACCESS_OF_RECORD[kind as RecordKind], { id, userId })).records[0];
  return rec
    ? { caseId: String(rec.get('caseId')), visibility: rec.get('visibility') as Visibility, member: Boolean(rec.get('member')) }
    : null;
}

export async function readableCaseIds(userId: string | null): Promise<Set<string>> {
  const ids = (await read(READABLE_CASE_IDS, { userId })).records[0]?.get('ids') as string[] | undefined;
  return new Set(ids ?? []);
}

/** Sets who may read a case; `member` (a username) becomes a member in the same transaction. */
export async function setCaseVisibility(
  caseId: string,
  visibility: Visibility,
  member: string | null = null,
): Promise<{ visibility: Visibility } | null> {
  const rec = (await writeTransaction((tx) => tx.run(SET_CASE_VISIBILITY, { caseId, visibility, member }))).records[0];
  return rec ? { visibility: rec.get('visibility') as Visibility } : null;
}
