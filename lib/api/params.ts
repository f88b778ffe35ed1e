import '../zod';
import { z } from 'zod';
import { ID_PATTERN } from '../model/ids';
import { intervalOf, parsePartialDate } from '../model/partial-date';
import { CaseId } from '../model/case';
import { MAX_QUERY_LENGTH } from '../search/lucene';

/**
 * Query parameters of the read API. A window bound is a partial date (`2022-01-13`, `2022-01`) or
 * a full ISO 8601 instant with an offset. `to` is inclusive of a partial date (to=2022-01-13 covers
 * that whole day), so bounds become instants: from → its earliest, to → its end.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const bound = (edge: 'from' | 'to') =>
  z
    .string()
    .max(40)
    .refine((v) => INSTANT.test(v) ? !Number.isNaN(Date.parse(v)) : parsePartialDate(v) !== null, {
      message: `${edge} must be a date (YYYY, YYYY-MM, YYYY-MM-DD) or an ISO 8601 instant with offset`,
    })
    .transform((v) => {
      if (INSTANT.test(v)) return new Date(v).toISOString();
      const i = intervalOf(v);
      return edge === 'from' ? i.earliest : i.until;
    });

export const WindowQuery = z
  .strictObject({ from: bound('from').optional(), to: bound('to').optional() })
  .refine((w) => !w.from || !w.to || w.from < w.to, { message: 'from must be before to', path: ['from'] });
export type WindowQuery = z.infer<typeof WindowQuery>;

/**
 * `GET /api/cases/{caseId}/events` pages through a case in time order (startAt, then id). The
 * cursor is opaque to clients but is just the sort key of the last event of the previous page,
 * so paging is a keyset seek (never SKIP): each page costs the same wherever it is in the case,
 * and events added meanwhile neither shift nor repeat the pages after them.
 */
// The default page is what a list shows at once; the per-event projection is most of a page's
// cost in the database, so a client that wants more in one round trip asks for it (up to the max).
export const EVENTS_PAGE_DEFAULT = 100;
export const EVENTS_PAGE_MAX = 2000;

/** Where a page ends: the sort key (startAt as an ISO instant, id) of its last event. */
export interface EventCursor {
  startAt: string;
  id: string;
}
const CursorKey = z.tuple([z.string().max(40).regex(INSTANT).refine((v) => !Number.isNaN(Date.parse(v))), z.string().regex(ID_PATTERN).startsWith('evt_')]);

const toBase64Url = (s: string) => btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
export function encodeEventCursor(c: EventCursor): string {
  return toBase64Url(JSON.stringify([c.startAt, c.id]));
}
/** The cursor back to its key, or null when it is not one we issued (garbled, truncated, edited). */
export function decodeEventCursor(cursor: string): EventCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  try {
    const parsed = CursorKey.safeParse(JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/'))));
    return parsed.success ? { startAt: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

export const EventsPageQuery = z
  .strictObject({
    from: bound('from').optional(),
    to: bound('to').optional(),
    limit: z.coerce
      .number()
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(EVENTS_PAGE_MAX, `limit must be at most ${EVENTS_PAGE_MAX}`)
      .default(EVENTS_PAGE_DEFAULT),
    cursor: z
      .string()
      .max(200)
      .transform((v, ctx) => {
        const c = decodeEventCursor(v);
        if (!c) ctx.addIssue({ code: 'custom', message: 'cursor is not valid (pass back nextCursor unchanged)' });
        return c ?? z.NEVER;
      })
      .optional(),
  })
  .refine((w) => !w.from || !w.to || w.from < w.to, { message: 'from must be before to', path: ['from'] });
export type EventsPageQuery = z.infer<typeof EventsPageQuery>;

export const CaseIdParam = z.strictObject({ caseId: CaseId });
const idOf = (prefix: string, what: string) =>
  z.string().regex(ID_PATTERN, `not a valid ${what} id`).startsWith(`${prefix}_`, `not a valid ${what} id`);
export const EventIdParam = z.strictObject({ eventId: idOf('evt', 'event') });
export const EntityIdParam = z.strictObject({ entityId: idOf('ent', 'entity') });
export const SourceIdParam = z.strictObject({ sourceId: idOf('src', 'source') });

/** `GET /api/search?q=&caseId=`: bounded, so a pasted essay costs nothing; the text is escaped later. */
export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'q must not be empty').max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`),
  caseId: CaseId,
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** `entity`: names and aliases only, so the hits are entities (picking one to merge into). */
  kind: z.enum(['entity']).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** Most entities and events a neighbourhood answers with (besides its centre), and the default. */
export const NEIGHBOURHOOD_MAX_LIMIT = 500;
export const NEIGHBOURHOOD_DEFAULT_LIMIT = 200;

/**
 * `GET /api/entities/{id}/neighbourhood?hops=&limit=`: always bounded, because in a big case a hub
 * entity's two-hop neighbourhood is most of the case.
 */
export const HopsQuery = z.strictObject({
  hops: z.enum(['1', '2'], { message: 'hops must be 1 or 2' }).default('1').transform((v) => (v === '2' ? 2 : 1) as 1 | 2),
  limit: z.coerce
    .number({ message: `limit must be a number from 1 to ${NEIGHBOURHOOD_MAX_LIMIT}` })
    .int(`limit must be a number from 1 to ${NEIGHBOURHOOD_MAX_LIMIT}`)
    .min(1, `limit must be a number from 1 to ${NEIGHBOURHOOD_MAX_LIMIT}`)
    .max(NEIGHBOURHOOD_MAX_LIMIT, `limit must be a number from 1 to ${NEIGHBOURHOOD_MAX_LIMIT}`)
    .default(NEIGHBOURHOOD_DEFAULT_LIMIT),
});

/** URLSearchParams → plain object; a repeated key is kept as its last value. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
