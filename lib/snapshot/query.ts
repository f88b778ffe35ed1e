import '../zod';
import { z } from 'zod';
import { EntityType, EventKind, EventStatus } from '../model/vocab';
import { ID_PATTERN } from '../model/ids';
import type { Filters } from '../filters';
import { normaliseFilters } from '../filters';
import type { TimeWindow } from '../url-state';
import { VERSION_PATTERN } from '../embed/version';

/**
 * `GET /api/cases/{caseId}/snapshot` parameters: the embed's (lib/embed/embed-params.ts: view,
 * from/to, hide…, version) plus the format and width. Unlike an embed, which must still open when
 * a stale link carries odd values, a download is asked for now: anything wrong is a 400 that says
 * what, and unknown parameters are refused.
 */
export const SNAPSHOT_MIN_WIDTH = 320;
export const SNAPSHOT_MAX_WIDTH = 2400;
export const SNAPSHOT_DEFAULT_WIDTH = 1200;

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const wallClock = (name: string) =>
  z.string().regex(WALL_CLOCK, `${name} is wall-clock time YYYY-MM-DDTHH:mm`).refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)), `${name} is not a real date`);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(50).default([]);

export const SnapshotQuery = z
  .strictObject({
    format: z.enum(['svg', 'png'], { message: 'format must be svg or png' }),
    view: z.enum(['timeline', 'graph'], { message: 'view must be timeline or graph' }).default('timeline'),
    from: wallClock('from').optional(),
    to: wallClock('to').optional(),
    hideStatus: list(EventStatus),
    hideType: list(EntityType),
    hideKind: list(EventKind),
    hidePub: list(z.string().min(1).max(200)),
    hideSrc: list(z.string().regex(ID_PATTERN).startsWith('src_')),
    version: z.string().regex(VERSION_PATTERN, 'version is 16 hex digits').optional(),
    width: z
      .string()
      .regex(/^\d{1,5}$/, 'width is a whole number of pixels')
      .transform(Number)
      .refine((n) => n >= SNAPSHOT_MIN_WIDTH && n <= SNAPSHOT_MAX_WIDTH, `width must be between ${SNAPSHOT_MIN_WIDTH} and ${SNAPSHOT_MAX_WIDTH}`)
      .default(SNAPSHOT_DEFAULT_WIDTH),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together', path: ['from'] })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['from'] });
export type SnapshotQuery = z.infer<typeof SnapshotQuery>;

const REPEATABLE = new Set(['hideStatus', 'hideType', 'hideKind', 'hidePub', 'hideSrc']);

/** URLSearchParams → the object SnapshotQuery parses (repeatable parameters as arrays; a repeated single one is an error). */
export function snapshotQueryInput(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = REPEATABLE.has(key) || values.length > 1 ? values : values[0]!;
  }
  return out;
}

export function snapshotFilters(q: SnapshotQuery): Filters {
  return normaliseFilters({ statuses: q.hideStatus, entityTypes: q.hideType, eventKinds: q.hideKind, publishers: q.hidePub, sourceIds: q.hideSrc });
}

export function snapshotWindow(q: SnapshotQuery): TimeWindow | null {
  return q.from && q.to ? { start: q.from, end: q.to } : null;
}

/** The download's file name: `<caseId>-<view>[-<version>].<format>`. */
export function snapshotFileName(caseId: string, q: Pick<SnapshotQuery, 'view' | 'format' | 'version'>): string {
  return `${caseId}-${q.view}${q.version ? `-${q.version}` : ''}.${q.format}`;
}
