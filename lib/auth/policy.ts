import type { UserView, Visibility } from './auth.schema';
import { safeEqual } from './tokens';

/**
 * Who may read and write what, as pure functions; app/api/_lib/auth.ts applies them to requests.
 */

/** Public cases: anyone. Private cases: their members and admins. */
export function canReadCase(access: { visibility: Visibility; member: boolean }, user: UserView | null): boolean {
  return access.visibility === 'public' || access.member || user?.role === 'admin';
}

export interface CsrfInput {
  method: string;
  /** How the request authenticated: only an ambient cookie can be abused cross-site. */
  via: 'cookie' | 'token';
  /** The X-CSRF-Token header, if any. */
  headerToken: string | null;
  /** The session's token. */
  sessionToken: string;
  /** The Origin header, if the browser sent one, and this app's own origin. */
  origin: string | null;
  selfOrigin: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request authenticated by the session cookie must come from our own pages: its
 * Origin (when sent) is ours, and it echoes the session's CSRF token in X-CSRF-Token, which another
 * site cannot read (synchronizer token pattern). Bearer-token requests carry no ambient credential
 * and need neither. Returns the reason for refusing, or null.
 */
export function csrfProblem(input: CsrfInput): string | null {
  if (SAFE_METHODS.has(input.method.toUpperCase()) || input.via === 'token') return null;
  if (input.origin !== null && input.origin !== input.selfOrigin) return `cross-site request from ${input.origin} refused`;
  if (!input.headerToken || !safeEqual(input.headerToken, input.sessionToken)) {
    return 'missing or wrong X-CSRF-Token header (read it from GET /api/auth/session)';
  }
  return null;
}
