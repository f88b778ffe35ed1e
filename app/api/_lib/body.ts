import 'server-only';
import '@/lib/zod';
import { z } from 'zod';

/** The body is over the route's limit: 413, nothing read past the limit. */
export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

/**
 * Reads at most `max` bytes of the body, refusing more without buffering it: a declared length
 * over the limit is refused before reading, and a chunked body is cut off as soon as it passes it.
 * The one body reader of the API (JSON writes, ingest uploads, case imports).
 */
export async function readBodyCapped(request: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > max) throw new PayloadTooLargeError(`The request is ${mb(declared)}; the limit is ${mb(max)}.`);
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
      throw new PayloadTooLargeError(`The request is larger than the limit of ${mb(max)}.`);
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

export async function readTextCapped(request: Request, max: number): Promise<string> {
  return new TextDecoder().decode(await readBodyCapped(request, max));
}

/**
 * A JSON body, bounded in size, then validated. A body that is not JSON becomes the same 400 as
 * one of the wrong shape.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes = 64 * 1024): Promise<z.infer<S>> {
  const text = await readTextCapped(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new z.ZodError([{ code: 'custom', path: ['body'], message: 'the body is not JSON', input: undefined }]);
  }
  return schema.parse(value);
}
