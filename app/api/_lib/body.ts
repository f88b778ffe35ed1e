import 'server-only';
import { z } from 'zod';

/**
 * A JSON body, bounded in size before it is parsed (a hostile client could otherwise make us buffer
 * anything), then validated. A body that is not JSON becomes the same 400 as one of the wrong shape.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes = 64 * 1024): Promise<z.infer<S>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw badBody(`the body is larger than ${maxBytes} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw badBody(`the body is larger than ${maxBytes} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badBody('the body is not JSON');
  }
  return schema.parse(value);
}

function badBody(message: string): z.ZodError {
  return new z.ZodError([{ code: 'custom', path: ['body'], message, input: undefined }]);
}
