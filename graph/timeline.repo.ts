import type { TimelineBucket, TimelineFilterQuery, TimelineWindow } from '../lib/api/timeline';
import { EVENT_STATUSES } from '../lib/model/vocab';
import { BucketTally, EVENTS_THRESHOLD, bucketIndex, planBuckets } from '../lib/views/timeline-buckets';
import { getCase, type TimeWindow } from './cases.repo';
import { decodeEventListItem, toNumber } from './decode';
import { neo4j, read } from './driver';
import {
  TIMELINE_BUCKET_COUNTS,
  TIMELINE_DAY_ROLLUPS,
  TIMELINE_DAY_STATUS_ROLLUPS,
  TIMELINE_EDGE_COUNTS,
  TIMELINE_EXTENT,
  TIMELINE_WIDE_COUNT,
  TIMELINE_WINDOW_EVENTS,
  TIMELINE_WINDOW_PROBE,
} from './queries/timeline.queries';

const DAY = 86_400_000;

/**
 * One window of a case's timeline, bounded whatever the case's size: the events themselves when
 * at most EVENTS_THRESHOLD of them (no wider than the window) overlap it, else the counts per
 * bucket (and per status) of all that overlap it.
 * Without a window, the window is the case's extent (padded to whole days) and the answer carries
 * it. Null when the case does not exist.
 */
export async function getTimelineWindow(
  caseId: string,
  window: TimeWindow,
  filters: Pick<TimelineFilterQuery, 'buckets' | 'hideKind' | 'hideStatus'>,
): Promise<TimelineWindow | null> {
  const base = { caseId, hideKinds: filters.hideKind, hideStatuses: filters.hideStatus };
  const bounded = Boolean(window.from && window.to);
  // The extent is read beside the case check, not after it: for an unknown case it is simply empty.
  const [found, extentRow] = await Promise.all([getCase(caseId), bounded ? null : read(TIMELINE_EXTENT, base)]);
  if (!found) return null;

  let extent: TimelineWindow['extent'] = null;
  let fromMs: number;
  let toMs: number;
  if (bounded) {
    fromMs = Date.parse(window.from!);
    toMs = Date.parse(window.to!);
  } else {
    const row = extentRow?.records[0];
    const first = row?.get('first');
    const last = row?.get('last');
    const now = Date.now();
    fromMs = first == null ? Math.floor(now / DAY) * DAY : toNumber(first);
    toMs = last == null ? fromMs + DAY : Math.max(toNumber(last), fromMs + 1);
    if (first != null) extent = { start: new Date(fromMs).toISOString(), end: new Date(toMs).toISOString() };
    // A single bound narrows the extent on its side.
    if (window.from) fromMs = Math.max(fromMs, Date.parse(window.from));
    if (window.to) toMs = Math.min(toMs, Date.parse(window.to));
    if (toMs <= fromMs) toMs = fromMs + DAY;
  }
  const params = { ...base, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
  const common = { from: params.from, to: params.to, extent };

  const limit = neo4j.int(EVENTS_THRESHOLD + 1);
  // Events dated more loosely than the window is wide (a month, a year, while the reader looks at a
  // day) are counted, not listed: in a large case they overlap every narrow window by thousands.
  // Day-precise events always count as narrow, so zooming in below a day still shows them.
  const narrow = { ...params, narrowSpan: narrowSpanSeconds(fromMs, toMs) };
  // More events start inside the window than we list: counts, without reading the events.
  const starting = toNumber((await read(TIMELINE_WINDOW_PROBE, { ...narrow, limit })).records[0]?.get('n') ?? 0);
  const listed = starting > EVENTS_THRESHOLD ? null : await read(TIMELINE_WINDOW_EVENTS, { ...narrow, limit });
  if (listed && listed.records.length <= EVENTS_THRESHOLD) {
    const events = listed.records.map((r) => decodeEventListItem(r.get('event')));
    const wider = toNumber((await read(TIMELINE_WIDE_COUNT, narrow)).records[0]?.get('n') ?? 0);
    return { mode: 'events', ...common, total: events.length + wider, events, wider };
  }

  const plan = planBuckets(fromMs, toMs, filters.buckets);
  const bucketParams = { ...params, origin: plan.origin, widthMs: plan.widthMs, count: neo4j.int(plan.count) };
  // Buckets of a day or wider are summed from the day rollups over the window's whole days, plus
  // its edges counted event by event; narrower buckets (a window of a few days at most) count
  // the window's events directly.
  const coreFrom = Math.ceil(fromMs / DAY) * DAY;
  const coreTo = Math.floor(toMs / DAY) * DAY;
  const tally = new BucketTally(plan);
  if (plan.widthMs >= DAY && coreFrom < coreTo) {
    const core = { ...bucketParams, coreFrom: new Date(coreFrom).toISOString(), coreTo: new Date(coreTo).toISOString() };
    const hiddenKinds = new Set<string>(filters.hideKind);
    const hiddenStatuses = new Set<string>(filters.hideStatus);
    // With no kind hidden, each day's five counts per status; else its (kind, status) entries.
    const byStatus = hiddenKinds.size === 0;
    const [days, edges] = await Promise.all([read(byStatus ? TIMELINE_DAY_STATUS_ROLLUPS : TIMELINE_DAY_ROLLUPS, core), read(TIMELINE_EDGE_COUNTS, core)]);
    for (const r of days.records) {
      const bucket = bucketIndex(plan, toNumber(r.get('dayMs')));
      if (byStatus) {
        const counts = r.get('statusCounts') as unknown[];
        EVENT_STATUSES.forEach((status, s) => {
          const n = toNumber(counts[s]);
          if (n > 0 && !hiddenStatuses.has(status)) tally.add(bucket, status, n);
        });
        continue;
      }
      const kinds = r.get('kinds') as string[];
      const statuses = r.get('statuses') as string[];
      const counts = r.get('counts') as unknown[];
      for (let j = 0; j < statuses.length; j++) {
        if (!hiddenKinds.has(kinds[j]!) && !hiddenStatuses.has(statuses[j]!)) tally.add(bucket, statuses[j]!, toNumber(counts[j]));
      }
    }
    for (const r of edges.records) tally.add(toNumber(r.get('bucket')), r.get('status') as string, toNumber(r.get('n')));
  } else {
    for (const r of (await read(TIMELINE_BUCKET_COUNTS, bucketParams)).records) tally.add(toNumber(r.get('bucket')), r.get('status') as string, toNumber(r.get('n')));
  }
  const buckets: TimelineBucket[] = tally.buckets().map((b) => ({ ...b, start: new Date(b.start).toISOString(), end: new Date(b.end).toISOString() }));
  const total = tally.count;
  return { mode: 'buckets', ...common, total, bucketMs: plan.widthMs, buckets };
}

/** The widest date (seconds) listed one by one in a window: half again its width, at least two days. */
export function narrowSpanSeconds(fromMs: number, toMs: number): number {
  return Math.max(Math.floor((1.5 * (toMs - fromMs)) / 1000), 2 * 86_400);
}
