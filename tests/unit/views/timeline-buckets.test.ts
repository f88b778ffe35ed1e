import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BUCKET_WIDTHS_MS, BucketTally, bucketBounds, bucketIndex, describeWidth, planBuckets } from '../../../lib/views/timeline-buckets';
import { EVENT_STATUSES } from '../../../lib/model/vocab';
import { BUCKET_MAX_HEIGHT_PX, BUCKET_MIN_HEIGHT_PX, bucketHeightPx, bucketItems, bucketRangeLabel, bucketSummary } from '../../../lib/views/timeline-bucket-items';
import type { TimelineBucket } from '../../../lib/api/timeline';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('planBuckets', () => {
  it('picks the narrowest ladder width that fits: ten years in 100 buckets are quarters, a week in 100 is 3 hours', () => {
    const from = Date.UTC(2015, 0, 1);
    assert.equal(planBuckets(from, Date.UTC(2025, 0, 1), 100).widthMs, 91 * DAY);
    assert.equal(planBuckets(from, from + 7 * DAY, 100).widthMs, 3 * HOUR);
    assert.equal(planBuckets(from, from + 7 * DAY, 7).widthMs, DAY, 'a week from midnight is 7 aligned days');
    assert.equal(planBuckets(from + 5 * HOUR, from + 5 * HOUR + 7 * DAY, 7).widthMs, 2 * DAY, 'from 05:00 it touches 8 days');
  });

  it('aligns bucket edges to multiples of the width, so panning keeps the same buckets', () => {
    const a = planBuckets(Date.UTC(2020, 0, 1, 5), Date.UTC(2020, 0, 20), 30);
    const b = planBuckets(Date.UTC(2020, 0, 2, 7), Date.UTC(2020, 0, 21, 3), 30);
    assert.equal(a.widthMs, b.widthMs);
    assert.equal(a.origin % a.widthMs, 0);
    assert.equal((b.origin - a.origin) % a.widthMs, 0);
  });

  it('refuses empty or inverted windows and non-positive bucket counts', () => {
    assert.throws(() => planBuckets(10, 10, 5), RangeError);
    assert.throws(() => planBuckets(10, 5, 5), RangeError);
    assert.throws(() => planBuckets(0, 10, 0), RangeError);
  });

  it('property: the buckets cover the window, never exceed the limit when a rung fits, and index every instant inside', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: 60_000, max: 20 * 365 * DAY }),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (from, width, max, at) => {
          const to = from + width;
          const plan = planBuckets(from, to, max);
          assert.ok(plan.origin <= from);
          assert.ok(plan.origin + plan.count * plan.widthMs >= to);
          if (plan.widthMs !== BUCKET_WIDTHS_MS[BUCKET_WIDTHS_MS.length - 1]) assert.ok(plan.count <= max);
          const t = from + Math.floor(at * (width - 1));
          const i = bucketIndex(plan, t);
          const { start, end } = bucketBounds(plan, i);
          assert.ok(start <= t && t < end, `${t} in [${start}, ${end})`);
        },
      ),
    );
  });

  it('clamps events that began before the window into the first bucket', () => {
    const plan = planBuckets(Date.UTC(2020, 0, 1), Date.UTC(2020, 1, 1), 31);
    assert.equal(bucketIndex(plan, Date.UTC(2019, 5, 1)), 0);
    assert.equal(bucketIndex(plan, Date.UTC(2030, 0, 1)), plan.count - 1);
  });
});

describe('BucketTally', () => {
  it('sums per bucket and status exactly as adding up the entries one by one would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...EVENT_STATUSES), fc.integer({ min: 0, max: 1000 })), { maxLength: 300 }),
        (count, entries) => {
          const plan = { origin: 0, widthMs: 1000, count };
          const tally = new BucketTally(plan);
          const expected = new Map<number, Record<string, number>>();
          for (const [b, status, n] of entries) {
            const bucket = b % count;
            tally.add(bucket, status, n);
            const row = expected.get(bucket) ?? Object.fromEntries(EVENT_STATUSES.map((s) => [s, 0]));
            row[status] = row[status]! + n;
            expected.set(bucket, row);
          }
          const got = tally.buckets();
          const want = [...expected.entries()]
            .map(([i, byStatus]) => ({ ...bucketBounds(plan, i), count: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus }))
            .filter((b) => b.count > 0)
            .sort((a, b) => a.start - b.start);
          assert.deepEqual(got, want);
          assert.equal(tally.count, entries.reduce((sum, [, , n]) => sum + n, 0));
        },
      ),
    );
  });

  it('refuses what is not a status or not a bucket of its plan, instead of counting it somewhere', () => {
    const tally = new BucketTally({ origin: 0, widthMs: 1000, count: 3 });
    assert.throws(() => tally.add(0, 'rumoured', 1), /not an event status/);
    assert.throws(() => tally.add(3, 'confirmed', 1), /outside the plan/);
    assert.throws(() => tally.add(-1, 'confirmed', 1), /outside the plan/);
    assert.deepEqual(tally.buckets(), []);
  });
});

describe('describeWidth', () => {
  it('names every rung in words', () => {
    assert.deepEqual(
      BUCKET_WIDTHS_MS.map(describeWidth),
      ['1 hour', '3 hours', '6 hours', '12 hours', '1 day', '2 days', '1 week', '2 weeks', '1 month', 'c. 3 months', 'c. 6 months', '1 year', '2 years', '5 years', '10 years'],
    );
  });
});

describe('bucket items', () => {
  const bucket: TimelineBucket = {
    start: '2022-01-03T00:00:00.000Z',
    end: '2022-01-10T00:00:00.000Z',
    count: 1204,
    byStatus: { confirmed: 200, reported: 1000, alleged: 4, disputed: 0, denied: 0 },
  };

  it('reads as the count, spans exactly the bucket on the floating axis, and is told apart from events', () => {
    const [item] = bucketItems([bucket]);
    assert.ok(item);
    assert.equal(item.bucketLabel, '1,204');
    assert.equal(item.start, '2022-01-03T00:00:00');
    assert.equal(item.end, '2022-01-10T00:00:00');
    assert.equal(item.type, 'range');
    assert.ok(item.id.startsWith('bucket_'));
    assert.equal(item.className, 'tw-bucket');
  });

  it('says the dates (end exclusive) and the counts per status in words', () => {
    assert.equal(bucketRangeLabel(bucket), '3 Jan 2022 – 9 Jan 2022');
    assert.equal(bucketSummary(bucket), '1,204 events: 200 confirmed, 1,000 reported, 4 alleged');
    assert.equal(bucketRangeLabel({ start: '2022-01-03T00:00:00.000Z', end: '2022-01-04T00:00:00.000Z' }), '3 Jan 2022');
  });

  it('draws a histogram: bars as tall as their counts, the fullest the tallest, none shorter than a label', () => {
    const counts = [1, 50, 100, 25];
    const items = bucketItems(counts.map((count, i) => ({ ...bucket, start: `2022-01-0${i + 1}T00:00:00.000Z`, end: `2022-01-0${i + 2}T00:00:00.000Z`, count })));
    const heights = items.map((item) => Number(/^height: (\d+)px$/.exec(item.style)?.[1]));
    assert.deepEqual(heights, [25, 60, 96, 42]);
    assert.equal(bucketHeightPx(0, 0), BUCKET_MIN_HEIGHT_PX);
    assert.equal(bucketHeightPx(100, 100), BUCKET_MAX_HEIGHT_PX);
    // Taller with the count, never past the fullest bar's height.
    assert.ok(bucketHeightPx(2, 100) < bucketHeightPx(3, 100));
    assert.equal(bucketHeightPx(200, 100), BUCKET_MAX_HEIGHT_PX);
  });

  it('escapes the tooltip (vis-timeline sets it as HTML)', () => {
    const [item] = bucketItems([bucket]);
    assert.ok(!item!.title.includes('<'));
    assert.match(item!.title, /Click to zoom in/);
  });
});
