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
import { upsertEvent } from '../../graph/events.repo';
import { setEventStatus } from '../../graph/provenance.repo';
import { neo4j, read } from '../../graph/driver';
import { TIMELINE_BUCKET_COUNTS } from '../../graph/queries/timeline.queries';
import { rollupMismatches } from './support/event-days';
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

  it('a window whose edges fall inside days: the partial first and last days counted event by event, the rest from the day rollups', async () => {
    const from = Date.UTC(2018, 0, 1, 13, 17);
    const to = Date.UTC(2020, 6, 1, 7, 5);
    const expected = overlapping(from, to);
    const w = await getTimelineWindow(caseId, { from: iso(from), to: iso(to) }, { ...noFilters, buckets: 60 });
    assert.ok(w && w.mode === 'buckets');
    const plan = planBuckets(from, to, 60);
    assert.ok(plan.widthMs >= 86_400_000, 'buckets of a day or wider use the rollups');
    assert.equal(w.total, expected.length);
    const want = new Map<string, Record<string, number>>();
    for (const s of expected) {
      const start = iso(plan.origin + bucketIndex(plan, s.start) * plan.widthMs);
      const byStatus = want.get(start) ?? {};
      byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
      want.set(start, byStatus);
    }
    const got = new Map(w.buckets.map((b) => [b.start, Object.fromEntries(Object.entries(b.byStatus).filter(([, n]) => n > 0))]));
    assert.deepEqual(got, want);
  });

  it('the per-event bucket count (used below a day) agrees with the events, as the rollups do', async () => {
    // Asked directly over a wide window so it is checked on the same many events as the rollup path.
    const from = Date.UTC(2018, 0, 1, 13, 17);
    const to = Date.UTC(2020, 6, 1, 7, 5);
    const plan = planBuckets(from, to, 60);
    const res = await read(TIMELINE_BUCKET_COUNTS, {
      caseId, hideKinds: [], hideStatuses: [], from: iso(from), to: iso(to),
      origin: plan.origin, widthMs: plan.widthMs, count: neo4j.int(plan.count),
    });
    const got = new Map<string, number>();
    for (const r of res.records) {
      const key = `${Number(r.get('bucket'))} ${String(r.get('status'))}`;
      got.set(key, (got.get(key) ?? 0) + Number(r.get('n')));
    }
    const want = new Map<string, number>();
    for (const e of overlapping(from, to)) {
      const key = `${bucketIndex(plan, e.start)} ${e.status}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    assert.deepEqual(got, want);
  });

  it('the day rollups follow every write: an edited event moved to another day, a status override', async () => {
    assert.deepEqual(await rollupMismatches(caseId), [], 'after the import');
    const event = bundle.events.find((e) => e.start.startsWith('2019-') && e.status !== 'denied')!;
    const moved = { ...event, start: '2015-03-04', end: null, precision: 'day' as const, endPrecision: null };
    await upsertEvent(moved);
    assert.deepEqual(await rollupMismatches(caseId), [], 'after an edit moved the event from one day to another');
    const version = Number((await read('MATCH (e:Event {id: $id}) RETURN coalesce(e.version, 0) AS v', { id: event.id })).records[0]!.get('v'));
    await setEventStatus(event.id, { status: 'denied', reason: 'Denied by the ministry, as quoted.', expectedVersion: version });
    assert.deepEqual(await rollupMismatches(caseId), [], 'after a status override');
    // And the timeline reads them: the moved, denied event is in 2015's bucket, not 2019's.
    const w = await getTimelineWindow(caseId, { from: iso(Date.UTC(2015, 0, 1)), to: iso(Date.UTC(2016, 0, 1)) }, { ...noFilters, buckets: 12 });
    assert.ok(w);
    const deniedIn2015 = w.mode === 'buckets' ? w.buckets.reduce((n, b) => n + b.byStatus.denied, 0) : w.events.filter((e) => e.status === 'denied').length;
    assert.ok(deniedIn2015 >= 1);
    // The case as imported again: rebuilt, and the rollups agree once more.
    await importCaseBundle(bundle);
    assert.deepEqual(await rollupMismatches(caseId), [], 'after a re-import');
  });

  it('a deleted case leaves no rollups behind', async () => {
    const other = generateCase({ events: 40, entities: 10, seed: 9, caseId: `${caseId}-gone` });
    await importCaseBundle(other);
    const count = async () => Number((await read('MATCH (d:EventDay) WHERE d.caseId = $id RETURN count(d) AS n', { id: other.case.id })).records[0]!.get('n'));
    assert.ok((await count()) > 0);
    await deleteCase(other.case.id);
    assert.equal(await count(), 0);
  });

  it('an unknown case is null (404 in the API)', async () => {
    assert.equal(await getTimelineWindow(`${caseId}-nope`, {}, noFilters), null);
  });
});
