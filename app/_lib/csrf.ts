/**
 * For client code that writes: the session's CSRF token as a header (see lib/auth/policy.ts).
 * Fetched once per page; a signed-out reader gets no header, and the server answers 401.
 */
let pending: Promise<string | null> | null = null;

export async function csrfHeaders(): Promise<Record<string, string>> {
  pending ??= fetch('/api/auth/session', { cache: 'no-store' })
    .then((r) => r.json() as Promise<{ csrfToken?: string | null }>)
    .then((s) => s.csrfToken ?? null)
    .catch(() => null);
  const token = await pending;
  return token ? { 'x-csrf-token': token } : {};
}
