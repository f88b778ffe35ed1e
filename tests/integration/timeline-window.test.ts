import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { closeDriver } from '../../graph/driver';
import { encodeEvent } from '../../graph/encode';
import { deleteCase, importCaseBundle } from '../../graph/import.repo';
import { migrate } from '../../graph/migrations';
import { getTimelineWindow, narrowSpanSeconds } from '../../graph/timeline.repo';
import { TimelineWindow } from '../../lib/api/timeline';
import { EVENT_STATUSES } from '../../lib/model/vocab';
import { generateCase } from '../../lib/synth/generate';
import { EVENTS_THRESHOLD, bucketIndex, planBuckets } from '../../lib/views/timeline-buckets';

/**
 * The aggregating timeline against real Neo4j, on a synthetic case (lib/synth) large enough that
 * a zoomed-out window holds far more than EVENTS_THRESHOLD events. Expectations are computed from
 * the bundle itself with the same instants the import stores (encodeEvent).
 */
const caseId = `it-timeline-${randomBytes(4).toString('hex')}`;
const bundle = generateCase({ events: 1200, entities: 60, seed: 5, caseId });
const spans = bundle.events.map((e) => {
  const row = encodeEvent(e);
  return { id: e.id, status: e.status, kind: e.kind, start: Date.parse(row.startAt), end: Date.parse(row.endAt) };
});
const overlapping = (from: number, to: number) => spans.filter((s) => s.start < to && s.end > from);
const iso = (ms: number) => new Date(ms).toISOString();
const noFilters = { buckets: 100, hideKind: [], hideStatus: [] };

after(async () => {
  await deleteCase(caseId);
  await closeDriver();
});

describe('timeline window (real Neo4j)', () => {
  before(async () => {
    await migrate();
    await importCaseBundle(bundle);
  });

  it('without a window: the whole case as buckets, with its extent, counts summing to every event', async () => {
    const w = TimelineWindow.parse(await getTimelineWindow(caseId, {}, noFilters));
    assert.equal(w.mode, 'buckets');
    if (w.mode !== 'buckets') return;
    assert.deepEqual(w.extent, { start: iso(Math.min(...spans.map((s) => s.start))), end: iso(Math.max(...spans.map((s) => s.end))) });
    assert.equal(w.total, bundle.events.length);
    assert.equal(w.buckets.reduce((n, b) => n + b.count, 0), bundle.events.length);
    assert.ok(w.buckets.length <= 100, `${w.buckets.length} buckets for at most 100 asked`);
    for (const b of w.buckets) assert.equal(EVENT_STATUSES.reduce((n, s) => n + b.byStatus[s], 0), b.count);
  });

  it('a window: each event counted once, in the bucket its start falls in (clamped to the window)', async () => {
    const from = Date.UTC(2018, 0, 1);
    const to = Date.UTC(2021, 0, 1);
    const expected = overlapping(from, to);
    assert.ok(expected.length > EVENTS_THRESHOLD, `the window must hold more than ${EVENTS_THRESHOLD} events, has ${expected.length}`);
    const w = await getTimelineWindow(caseId, { from: iso(from), to: iso(to) }, { ...noFilters, buckets: 40 });
    assert.ok(w && w.mode === 'buckets');
    assert.equal(w.extent, null);
    assert.equal(w.total, expected.length);
    const plan = planBuckets(from, to, 40);
    assert.equal(w.bucketMs, plan.widthMs);
    const want = new Map<string, number>();
    for (const s of expected) {
      const start = iso(plan.origin + bucketIndex(plan, s.start) * plan.widthMs);
      want.set(start, (want.get(start) ?? 0) + 1);
    }
    assert.deepEqual(new Map(w.buckets.map((b) => [b.start, b.count])), want);
  });

  it('zoomed in to a day: the events no wider than the window, in time order; looser dates only counted', async () => {
    const precise = spans.filter((s) => s.end - s.start <= 86_400_000).sort((a, b) => a.start - b.start);
    const from = Math.floor(precise[Math.floor(precise.length / 2)]!.start / 86_400_000) * 86_400_000;
    const to = from + 86_400_000;
    const all = overlapping(from, to);
    const narrow = all.filter((s) => (s.end - s.start) / 1000 <= narrowSpanSeconds(from, to));
    assert.ok(narrow.length >= 1 && narrow.length <= EVENTS_THRESHOLD);
    const w = await getTimelineWindow(caseId, { from: iso(from), to: iso(to) }, noFilters);
    assert.ok(w && w.mode === 'events');
    assert.equal(w.total, all.length);
    assert.equal(w.wider, all.length - narrow.length);
    assert.equal(narrowSpanSeconds(from, to), 2 * 86_400, 'day-precise events always listed when zoomed in');
    assert.deepEqual(w.events.map((e) => e.id), [...narrow].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1)).map((s) => s.id));
  });

  it('switches to buckets above the threshold', async () => {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    const from = sorted[0]!.start;
    const to = sorted[EVENTS_THRESHOLD + 50]!.start + 1;
    const w = await getTimelineWindow(caseId, { from: iso(from), to: iso(to) }, noFilters);
    assert.ok(w && w.mode === 'buckets');
    assert.equal(w.total, overlapping(from, to).length);
  });

  it('applies the kind and status filters in the database', async () => {
    const hideStatus = ['alleged', 'denied'] as const;
    const hideKind = ['attack'] as const;
    const w = await getTimelineWindow(caseId, {}, { buckets: 50, hideStatus: [...hideStatus], hideKind: [...hideKind] });
    assert.ok(w);
    const visible = spans.filter((s) => !(hideStatus as readonly string[]).includes(s.status) && !(hideKind as readonly string[]).includes(s.kind));
    assert.equal(w.total, visible.length);
    if (w.mode === 'buckets') {
      for (const b of w.buckets) {
        assert.equal(b.byStatus.alleged, 0);
        assert.equal(b.byStatus.denied, 0);
      }
    }
  });

  it('an unknown case is null (404 in the API)', async () => {
    assert.equal(await getTimelineWindow(`${caseId}-nope`, {}, noFilters), null);
  });
});
