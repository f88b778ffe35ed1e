import 'server-only';
import type { NextRequest } from 'next/server';
import { cookies } from 'next/headers';
import { canEdit, type UserView } from '@/lib/auth/auth.schema';
import { originFromHeaders } from '../../_lib/request-origin';
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '@/lib/auth/errors';
import { canReadCase, csrfProblem } from '@/lib/auth/policy';
import { verifyDecoy, verifyPassword } from '@/lib/auth/passwords';
import { generateSecret, hashSecret } from '@/lib/auth/tokens';
import { SlidingWindowLimiter } from '@/lib/rate-limit';
import { NotFoundError } from '@/graph/errors';
import {
  caseAccessOfRecord,
  createSession,
  deleteSession,
  getApiTokenUser,
  getCaseAccess,
  getCredentials,
  getSession,
  readableCaseIds,
} from '@/graph/users.repo';

/**
 * Authentication and authorisation of requests: who is asking (session cookie or API token), may
 * they read this case, may they write, and is the write really from our own pages (CSRF).
 */
export const SESSION_COOKIE = 'tw_session';
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

export interface Principal {
  user: UserView;
  via: 'cookie' | 'token';
  /** The session's CSRF token (cookie sessions only). */
  csrfToken: string | null;
}

/** The signed-in user of this request, or null for an anonymous reader. */
export async function principalOf(request: NextRequest | null): Promise<Principal | null> {
  const bearer = request?.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const user = await getApiTokenUser(hashSecret(bearer));
    if (!user) throw new UnauthorizedError('the API token is not valid');
    return { user, via: 'token', csrfToken: null };
  }
  const cookie = request ? request.cookies.get(SESSION_COOKIE)?.value : (await cookies()).get(SESSION_COOKIE)?.value;
  if (!cookie) return null;
  const session = await getSession(hashSecret(cookie));
  return session ? { user: session.user, via: 'cookie', csrfToken: session.csrfToken } : null;
}

/**
 * A private case answers 404 to those who may not read it, like a case that does not exist: its
 * existence is not disclosed.
 */
export async function requireCaseRead(request: NextRequest | null, caseId: string): Promise<void> {
  const principal = await principalOf(request);
  const access = await getCaseAccess(caseId, principal?.user.id ?? null);
  if (!access || !canReadCase(access, principal?.user ?? null)) throw new NotFoundError(`no case "${caseId}"`);
}

/** The same, for a record (event, entity, source, citation) id. */
export async function requireRecordRead(request: NextRequest | null, id: string, what: string): Promise<void> {
  const principal = await principalOf(request);
  const access = await caseAccessOfRecord(id, principal?.user.id ?? null);
  if (!access || !canReadCase(access, principal?.user ?? null)) throw new NotFoundError(`no ${what} "${id}"`);
}

export async function readableCases(request: NextRequest | null): Promise<Set<string>> {
  const principal = await principalOf(request);
  return readableCaseIds(principal?.user.id ?? null);
}

/** Per-user budgets for the expensive writes. One process's memory: see lib/rate-limit.ts. */
const writeLimiters = {
  edit: new SlidingWindowLimiter(120, 60_000),
  ingest: new SlidingWindowLimiter(30, 60_000),
  import: new SlidingWindowLimiter(10, 60_000),
} as const;
export type WriteKind = keyof typeof writeLimiters;

/**
 * For every state-changing request: signed in as an editor, CSRF-checked when the cookie is the
 * credential, and within the rate limit of that kind of write. Returns the editor.
 */
export async function requireEditor(request: NextRequest, kind: WriteKind = 'edit'): Promise<UserView> {
  const principal = await principalOf(request);
  if (!principal) throw new UnauthorizedError('sign in as an editor to do this');
  if (!canEdit(principal.user)) throw new ForbiddenError('an editor account is needed to do this');
  const problem = csrfProblem({
    method: request.method,
    via: principal.via,
    headerToken: request.headers.get('x-csrf-token'),
    sessionToken: principal.csrfToken ?? '',
    origin: request.headers.get('origin'),
    selfOrigin: originFromHeaders(request.headers),
  });
  if (problem) throw new ForbiddenError(problem);
  const decision = writeLimiters[kind].hit(principal.user.id);
  if (!decision.allowed) {
    throw new RateLimitedError(`too many ${kind} requests; try again shortly`, Math.ceil(decision.retryAfterMs / 1000));
  }
  return principal.user;
}

/** Failed sign-ins per address and per address+username. */
const signInByAddress = new SlidingWindowLimiter(30, 15 * 60_000);
const signInByAccount = new SlidingWindowLimiter(5, 60_000);

function clientAddress(request: NextRequest): string {
  // Only meaningful behind a proxy that sets it; otherwise every request shares one bucket.
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'direct';
}

export interface SignedIn {
  user: UserView;
  sessionToken: string;
  csrfToken: string;
}

/**
 * Checks the password (Argon2id), and opens a session. Unknown user and wrong password give the
 * same answer after the same work, so usernames cannot be probed.
 */
export async function signIn(request: NextRequest, username: string, password: string): Promise<SignedIn> {
  const origin = request.headers.get('origin');
  // Compared with the origin the browser addressed (Host), not Next's idea of its own URL, which
  // differs behind a proxy or when bound to 127.0.0.1.
  if (origin !== null && origin !== originFromHeaders(request.headers)) throw new ForbiddenError(`cross-site sign-in from ${origin} refused`);
  const address = clientAddress(request);
  // Only failures count, so colleagues signing in from one address never lock each other out.
  const buckets = [
    [signInByAddress, address],
    [signInByAccount, `${address}|${username}`],
  ] as const;
  for (const [limiter, key] of buckets) {
    const decision = limiter.peek(key);
    if (!decision.allowed) {
      throw new RateLimitedError('too many failed sign-ins; wait a minute and try again', Math.ceil(decision.retryAfterMs / 1000));
    }
  }
  const found = await getCredentials(username);
  const ok = found ? await verifyPassword(found.passwordHash, password) : await verifyDecoy(password);
  if (!found || !ok) {
    for (const [limiter, key] of buckets) limiter.hit(key);
    throw new UnauthorizedError('wrong username or password');
  }
  const sessionToken = generateSecret('tws');
  const csrfToken = generateSecret('twc');
  await createSession(found.user.id, hashSecret(sessionToken), csrfToken, SESSION_TTL_SECONDS);
  return { user: found.user, sessionToken, csrfToken };
}

export async function signOut(request: NextRequest): Promise<void> {
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  if (cookie) await deleteSession(hashSecret(cookie));
}

/** httpOnly (no script reads it), SameSite=Lax (not sent on cross-site writes), Secure over TLS. */
export function sessionCookieOptions(request: NextRequest, maxAge: number) {
  const secure = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge };
}

/** For pages: may the reader of this request (by its cookie) read the case? False if it does not exist. */
export async function mayReadCase(caseId: string): Promise<boolean> {
  try {
    await requireCaseRead(null, caseId);
    return true;
  } catch (e) {
    if (e instanceof NotFoundError) return false;
    throw e;
  }
}
