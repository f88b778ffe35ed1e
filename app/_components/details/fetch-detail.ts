import { ApiError, EntityDetail, EventDetail } from '@/lib/api/views';
import type { SelectionTarget } from '@/lib/selection';

export type Detail = { kind: 'event'; data: EventDetail } | { kind: 'entity'; data: EntityDetail };

export type DetailErrorKind = 'unavailable' | 'not-found' | 'invalid' | 'network' | 'server';

export class DetailError extends Error {
  override name = 'DetailError';
  constructor(
    readonly kind: DetailErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * GET /api/events/{id} or /api/entities/{id}, parsed with the API's own zod schemas: the panel
 * never renders a shape it has not checked. Errors come back as DetailError by kind.
 */
export async function fetchDetail(target: SelectionTarget, signal: AbortSignal): Promise<Detail> {
  const path = target.kind === 'event' ? 'events' : 'entities';
  let res: Response;
  try {
    res = await fetch(`/api/${path}/${encodeURIComponent(target.id)}`, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new DetailError('network', 'The server could not be reached. Check your connection and try again.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const api = ApiError.safeParse(body);
    if (res.status === 503) throw new DetailError('unavailable', 'These details cannot be loaded until it is back. Please try again in a moment.');
    if (res.status === 404) throw new DetailError('not-found', `This ${target.kind} is no longer in the database.`);
    throw new DetailError('server', api.success ? api.data.message : `The server answered with an error (${res.status}).`);
  }
  if (target.kind === 'event') {
    const parsed = EventDetail.safeParse(body);
    if (parsed.success) return { kind: 'event', data: parsed.data };
  } else {
    const parsed = EntityDetail.safeParse(body);
    if (parsed.success) return { kind: 'entity', data: parsed.data };
  }
  throw new DetailError('invalid', 'The server answered with data Timeweave does not understand, so it is not shown.');
}
