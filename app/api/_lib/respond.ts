import 'server-only';
import { NextResponse } from 'next/server';
import { ZodError, type ZodType } from 'zod';
import { ConfigurationError } from '@/graph/config';
import { ConflictError, DatabaseUnavailableError, InvariantError, NotFoundError, StaleVersionError } from '@/graph/errors';
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '@/lib/auth/errors';
import { PayloadTooLargeError } from './body';
import { InterchangeError } from '@/lib/interchange/errors';

/**
 * The one place where errors become HTTP answers, by type: bad parameters 400, not signed in 401,
 * not allowed 403, too many requests 429, unknown id 404,
 * conflict 409, invariant broken 422, database unavailable 503, anything else 500 (logged; the
 * message to the client stays generic). Bodies are { error, message, details? }.
 */
export function errorResponse(e: unknown): NextResponse {
  if (e instanceof ZodError) {
    return json(400, 'bad_request', e.issues.map((i) => `${i.path.join('.') || 'parameter'}: ${i.message}`).join('; '), e.issues);
  }
  if (e instanceof UnauthorizedError) return json(401, 'unauthorized', e.message);
  if (e instanceof ForbiddenError) return json(403, 'forbidden', e.message);
  if (e instanceof RateLimitedError) return json(429, 'rate_limited', e.message, undefined, { 'Retry-After': String(e.retryAfterSeconds) });
  if (e instanceof PayloadTooLargeError) return json(413, 'too_large', e.message);
  if (e instanceof NotFoundError) return json(404, 'not_found', e.message);
  if (e instanceof StaleVersionError) return json(409, 'conflict', e.message, { currentVersion: e.currentVersion });
  if (e instanceof ConflictError) return json(409, 'conflict', e.message);
  if (e instanceof InvariantError) return json(422, 'unprocessable', e.message, e.details);
  if (e instanceof InterchangeError) return json(422, 'unprocessable', e.summary, e.problems);
  if (e instanceof DatabaseUnavailableError || e instanceof ConfigurationError) {
    return json(503, 'unavailable', e.message, undefined, { 'Retry-After': '5' });
  }
  console.error('[api] unexpected error', e);
  return json(500, 'internal', 'Something went wrong on our side. It has been logged.');
}

function json(status: number, error: string, message: string, details?: unknown, headers?: Record<string, string>) {
  return NextResponse.json(details === undefined ? { error, message } : { error, message, details }, { status, headers });
}

/**
 * A GET handler in four steps: parse, authorise, act, answer (errors mapped above). `act` returns
 * null for "no such thing", which becomes a 404 with `notFound` as the message. `authorize` throws
 * when the requester may not read what was asked for (see app/api/_lib/auth.ts).
 */
export async function handle<P, T>(
  parse: () => P | Promise<P>,
  act: (input: P) => Promise<T | null>,
  notFound: string,
  authorize?: (input: P) => Promise<void>,
): Promise<NextResponse> {
  try {
    const input = await parse();
    if (authorize) await authorize(input);
    const result = await act(input);
    if (result === null) throw new NotFoundError(notFound);
    return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

export function parseWith<S extends ZodType>(schema: S, value: unknown) {
  return schema.parse(value) as ReturnType<S['parse']>;
}
