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
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const HopsQuery = z.strictObject({
  hops: z.enum(['1', '2'], { message: 'hops must be 1 or 2' }).default('1').transform((v) => (v === '2' ? 2 : 1) as 1 | 2),
});

/** URLSearchParams → plain object; a repeated key is kept as its last value. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
