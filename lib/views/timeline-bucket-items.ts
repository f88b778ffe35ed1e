import type { DataItem } from 'vis-timeline';
import type { TimelineBucket } from '../api/timeline';
import { EVENT_STATUSES } from '../model/vocab';
import { STATUS_DISPLAY } from './display';
import { escapeHtml } from './timeline-items';

/**
 * Buckets of the aggregating timeline → vis-timeline range items. Pure. A bucket reads as a count
 * ("1,204"), spans exactly its interval on the axis, and carries a tooltip and a text with the
 * counts per status (in words, never colour alone). Times are floating wall-clock like the event
 * items (timeline-items.ts): bucket edges are computed on the same UTC wall-clock instants.
 */
export interface BucketItem extends DataItem {
  id: string;
  type: 'range';
  start: string;
  end: string;
  className: string;
  content: string;
  title: string;
  /** Plain text drawn by the canvas's template. */
  bucketLabel: string;
  /** The bar's height, in proportion to its count (bucketHeightPx). */
  style: string;
}

/** A bar is as tall as its label at least, and the fullest bucket of the window this tall. */
export const BUCKET_MIN_HEIGHT_PX = 24;
export const BUCKET_MAX_HEIGHT_PX = 96;

/**
 * The height of a bar holding `count` events when the fullest bucket holds `max`: linear above the
 * label's height, so the bars read as a histogram of the window (where the events bunch up) before
 * any label is read; the same count is the same height across the window.
 */
export function bucketHeightPx(count: number, max: number): number {
  if (max <= 0) return BUCKET_MIN_HEIGHT_PX;
  return Math.round(BUCKET_MIN_HEIGHT_PX + ((BUCKET_MAX_HEIGHT_PX - BUCKET_MIN_HEIGHT_PX) * Math.min(count, max)) / max);
}

const NUMBER = new Intl.NumberFormat('en');
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export const BUCKET_ID_PREFIX = 'bucket_';

/** "3 Jan 2022 – 10 Jan 2022" (with hours when the bucket is shorter than a day). */
export function bucketRangeLabel(b: Pick<TimelineBucket, 'start' | 'end'>): string {
  const start = Date.parse(b.start);
  const end = Date.parse(b.end);
  const fmt = end - start < 86_400_000 ? DATE_TIME : DATE;
  // The end is exclusive: a week bucket reads as its last day, not the next Monday.
  const last = end - start >= 86_400_000 ? end - 86_400_000 : end;
  const a = fmt.format(start);
  const z = fmt.format(last);
  return a === z ? a : `${a} – ${z}`;
}

/** "1,204 events: 240 confirmed, 602 reported, …" (only the statuses present). */
export function bucketSummary(b: TimelineBucket): string {
  const parts = EVENT_STATUSES.filter((s) => b.byStatus[s] > 0).map((s) => `${NUMBER.format(b.byStatus[s])} ${STATUS_DISPLAY[s].label.toLowerCase()}`);
  return `${NUMBER.format(b.count)} ${b.count === 1 ? 'event' : 'events'}: ${parts.join(', ')}`;
}

export function bucketItems(buckets: readonly TimelineBucket[]): BucketItem[] {
  const max = buckets.reduce((m, b) => Math.max(m, b.count), 0);
  return buckets.map((b) => ({
    id: `${BUCKET_ID_PREFIX}${b.start}`,
    type: 'range',
    start: b.start.slice(0, 19),
    end: b.end.slice(0, 19),
    className: 'tw-bucket',
    content: NUMBER.format(b.count),
    title: escapeHtml(`${bucketRangeLabel(b)} — ${bucketSummary(b)}. Click to zoom in.`),
    bucketLabel: NUMBER.format(b.count),
    style: `height: ${bucketHeightPx(b.count, max)}px`,
  }));
}
