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

/** Reads at most `max` bytes of the body, refusing more without reading it all. */
export async function readBodyCapped(request: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > max) throw new IngestInputError('too_large', `The request is ${(declared / 1024 / 1024).toFixed(1)} MB; the limit is ${(max / 1024 / 1024).toFixed(0)} MB.`);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw new IngestInputError('too_large', `The request is larger than the limit of ${(max / 1024 / 1024).toFixed(0)} MB.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function parseJsonBody(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new IngestInputError('bad_proposals', 'The request body is not valid JSON.');
  }
}
