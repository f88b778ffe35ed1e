import 'server-only';
import { NextResponse } from 'next/server';
import { IngestInputError } from '@/lib/ingest/errors';
import { ReviewError } from '@/lib/ingest/review';
import { errorResponse } from '../_lib/respond';

/**
 * Ingest's own error statuses on top of the shared mapping: input that is too large 413, of a type
 * we do not read 415, a URL that timed out 504, any other unreadable input or refused review 422.
 */
export function ingestErrorResponse(e: unknown): NextResponse {
  if (e instanceof IngestInputError) {
    const status = e.code === 'too_large' ? 413 : e.code === 'unsupported_type' ? 415 : e.code === 'timeout' ? 504 : 422;
    const details = e instanceof ReviewError && e.problems.length ? e.problems : undefined;
    return NextResponse.json({ error: e.code, message: e.message, ...(details ? { details } : {}) }, { status });
  }
  return errorResponse(e);
}

export function parseJsonBody(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new IngestInputError('bad_proposals', 'The request body is not valid JSON.');
  }
}
