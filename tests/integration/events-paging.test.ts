import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { NextRequest } from 'next/server';
import { GET } from '../../app/api/cases/[caseId]/events/route';
import { closeDriver, neo4j, read } from '../../graph/driver';
import { EVENT_SPAN_CLASS_BOUNDS } from '../../graph/queries/event-span';
import { LIST_EVENTS_PAGE } from '../../graph/queries/read.queries';
import { encodeEvent } from '../../graph/encode';
import { deleteCase, importCaseBundle } from '../../graph/import.repo';
import { migrate } from '../../graph/migrations';
import { EVENTS_PAGE_DEFAULT, EVENTS_PAGE_MAX } from '../../lib/api/params';
import { EventPage } from '../../lib/api/views';
import { generateCase } from '../../lib/synth/generate';

/**
 * GET /api/cases/{caseId}/events pages with a keyset cursor. Through the real route handler (zod
 * parsing, error mapping) against the real Neo4j, on a synthetic case of a few hundred events with
 * every precision, spans and ties of start time (many events share a month or year start).
 */
const caseId = `it-paging-${randomBytes(4).toString('hex')}`;
const bundle = generateCase({ events: 300, entities: 40, seed: 11, caseId });

/** Each event's instants exactly as stored (encode.ts derives them for the write). */
const spans = bundle.events.map((e) => {
  const row = encodeEvent(e);
  return { id: e.id, startAt: Date.parse(row.startAt), endAt: Date.parse(row.endAt) };
});
/** The expected order: startAt, then id (what the cursor encodes). */
const expected = [...spans].sort((a, b) => a.startAt - b.startAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => e.id);

async function get(query: string) {
  const res = await GET(new NextRequest(`http://localhost/api/cases/${caseId}/events${query}`), { params: Promise.resolve({ caseId }) });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('GET /api/cases/{caseId}/events: limit and cursor (real Neo4j)', () => {
  before(async () => {
    await migrate();
    await importCaseBundle(bundle);
  });
  after(async () => {
    await deleteCase(caseId);
    await closeDriver();
  });

  it('pages through the whole case: every event exactly once, in (start, id) order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await get(`?limit=37${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(status, 200);
      const page = EventPage.parse(body);
      assert.ok(page.events.length <= 37);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
      assert.ok(pages < 100, 'the cursor must move forward');
    } while (cursor);
    assert.equal(pages, Math.ceil(bundle.events.length / 37));
    assert.equal(new Set(seen).size, seen.length, 'no event twice');
    assert.deepEqual(seen, expected);
  });

  it('without a limit answers the default page; the last page has no nextCursor', async () => {
    const first = EventPage.parse((await get('')).body);
    assert.equal(EVENTS_PAGE_DEFAULT, 100);
    assert.deepEqual(first.events.map((e) => e.id), expected.slice(0, EVENTS_PAGE_DEFAULT), 'the first 100 of 300 events');
    assert.ok(first.nextCursor);
    const whole = EventPage.parse((await get(`?limit=${expected.length}`)).body);
    assert.deepEqual(whole.events.map((e) => e.id), expected, '300 events fit in a page of 300');
    assert.equal(whole.nextCursor, null);
  });

  it('pages within a window: exactly the events overlapping it', async () => {
    // A window in the middle of the case, so events that started before it (spans, months, years) count.
    const fromMs = spans.map((s) => s.startAt).sort((a, b) => a - b)[150]!;
    const toMs = fromMs + 90 * 86_400_000;
    const [from, to] = [new Date(fromMs).toISOString(), new Date(toMs).toISOString()];
    const overlapping = new Set(spans.filter((s) => s.startAt < toMs && s.endAt > fromMs).map((s) => s.id));
    assert.ok(spans.some((s) => overlapping.has(s.id) && s.startAt < fromMs), 'some events began before the window');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q = new URLSearchParams({ from, to, limit: '5', ...(cursor ? { cursor } : {}) });
      const { status, body } = await get(`?${q}`);
      assert.equal(status, 200);
      const page = EventPage.parse(body);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(overlapping.size > 5, 'the window holds several pages');
    assert.deepEqual(new Set(seen), overlapping);
    assert.deepEqual(seen, expected.filter((id) => overlapping.has(id)));
  });

  it("gives each event its citation count, participants and sources, sorted and once each", async () => {
    const page = EventPage.parse((await get(`?limit=${EVENTS_PAGE_MAX}`)).body);
    const sourceOf = new Map(bundle.citations.map((c) => [c.id, c.sourceId]));
    const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();
    for (const event of bundle.events) {
      const listed = page.events.find((e) => e.id === event.id);
      assert.ok(listed, event.id);
      assert.equal(listed.citationCount, event.citationIds.length, `${event.id} citations`);
      assert.deepEqual(listed.participantIds, sorted(bundle.participations.filter((p) => p.eventId === event.id).map((p) => p.entityId)), `${event.id} participants`);
      assert.deepEqual(listed.sourceIds, sorted(event.citationIds.map((id) => sourceOf.get(id)!)), `${event.id} sources`);
    }
  });

  it('reads the index in (start, id) order and stops at the page: the seek yields at most one page per span class', async () => {
    // The whole case is the window, so a plan that read the window and sorted it would touch all
    // 300 events; reading in index order stops after limit rows in each of the 6 span classes.
    const limit = 6;
    const res = await read(`PROFILE ${LIST_EVENTS_PAGE}`, {
      caseId,
      from: '0001-01-01T00:00:00Z',
      to: '9999-12-31T23:59:59.999Z',
      afterStart: '0001-01-01T00:00:00Z',
      afterId: '',
      limit: neo4j.int(limit + 1),
    });
    assert.deepEqual(res.records.map((r) => (r.get('event') as { id: string }).id), expected.slice(0, limit + 1));
    type Plan = { operatorType: string; rows: number; children: Plan[] };
    const ops: Plan[] = [];
    const walk = (p: Plan) => { ops.push(p); p.children.forEach(walk); };
    walk(res.summary.profile as unknown as Plan);
    const seeks = ops.filter((o) => o.operatorType.startsWith('NodeIndexSeek'));
    assert.equal(seeks.length, EVENT_SPAN_CLASS_BOUNDS.length, 'one seek per span class');
    for (const seek of seeks) assert.ok(seek.rows <= limit + 2, `a seek read ${seek.rows} index entries for a page of ${limit + 1}`);
    assert.ok(!ops.some((o) => /^(Sort|Top|PartialSort|PartialTop)@/.test(o.operatorType) && o.rows > 6 * (limit + 1)), 'nothing sorts more than the classes\' pages');
    // The overlap test reads the end from the index entry (cache[e.endAt]), not from the store.
    const details = (o: Plan) => String((o as unknown as { arguments: { Details?: string } }).arguments.Details ?? '');
    const endTests = ops.filter((o) => /e\.endAt\]? >/.test(details(o)));
    assert.ok(endTests.length > 0, 'the plan tests the end');
    for (const o of endTests) assert.match(details(o), /cache\[e\.endAt\] >/, `${o.operatorType}: ${details(o)}`);
  });

  it('seeks the widest span class first: once its page holds the earliest starts, the narrower seeks read nothing', async () => {
    // A window that year-long events (span class 3: over 32 days) overlap, at least `limit` of
    // them starting more than 32 days (class 2's longest span) before it: the page is theirs, and
    // no narrower event can start early enough to enter it.
    const limit = 3;
    const classOf = (span: number) => EVENT_SPAN_CLASS_BOUNDS.findIndex((b) => span / 1000 <= b);
    const longest = Math.max(...spans.map((e) => classOf(e.endAt - e.startAt)));
    const classBound = (c: number) => EVENT_SPAN_CLASS_BOUNDS[c]! * 1000;
    const candidates = spans.filter((e) => classOf(e.endAt - e.startAt) === longest).map((e) => e.startAt + classBound(longest - 1) + 86_400_000);
    const window = candidates
      .map((from) => ({ from, to: from + 86_400_000 }))
      .find(({ from, to }) => {
        const overlapping = spans.filter((e) => e.startAt < to && e.endAt > from);
        const early = overlapping.filter((e) => e.startAt < from - classBound(longest - 1));
        return early.length >= limit && overlapping.filter((e) => classOf(e.endAt - e.startAt) === longest).length >= limit;
      });
    assert.ok(window, 'the synthetic case has such a window');
    const res = await read(`PROFILE ${LIST_EVENTS_PAGE}`, {
      caseId,
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      afterStart: '0001-01-01T00:00:00Z',
      afterId: '',
      limit: neo4j.int(limit),
    });
    const overlapping = new Set(spans.filter((e) => e.startAt < window.to && e.endAt > window.from).map((e) => e.id));
    assert.deepEqual(res.records.map((r) => (r.get('event') as { id: string }).id), expected.filter((id) => overlapping.has(id)).slice(0, limit));
    type Plan = { operatorType: string; rows: number; children: Plan[] };
    const seeks: Plan[] = [];
    const walk = (p: Plan) => { if (p.operatorType.startsWith('NodeIndexSeek')) seeks.push(p); p.children.forEach(walk); };
    walk(res.summary.profile as unknown as Plan);
    assert.equal(seeks.length, EVENT_SPAN_CLASS_BOUNDS.length);
    assert.equal(seeks.filter((o) => o.rows > 0).length, 1, `index entries read per seek: ${seeks.map((o) => o.rows).join(', ')}`);
  });

  it('refuses a cursor it did not issue, and a limit out of range, with 400', async () => {
    const first = EventPage.parse((await get('?limit=2')).body);
    assert.ok(first.nextCursor);
    for (const bad of ['garbage', first.nextCursor.slice(0, -3), Buffer.from('["2022-01-01T00:00Z","evt_nothex"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      const { status, body } = await get(`?cursor=${encodeURIComponent(bad)}`);
      assert.equal(status, 400, `cursor ${bad}`);
      assert.match((body as { message: string }).message, /cursor/);
    }
    for (const limit of [String(EVENTS_PAGE_MAX + 1), '0', '-1', '2.5', 'many']) {
      const { status, body } = await get(`?limit=${limit}`);
      assert.equal(status, 400, `limit ${limit}`);
      assert.match((body as { message: string }).message, /limit/);
    }
    assert.equal((await get(`?limit=${EVENTS_PAGE_MAX}`)).status, 200);
    assert.equal((await get('?unknown=1')).status, 400, 'unknown parameters are refused');
  });

  it('answers 404 for an unknown case', async () => {
    const res = await GET(new NextRequest('http://localhost/api/cases/no-such-case-paging/events'), { params: Promise.resolve({ caseId: 'no-such-case-paging' }) });
    assert.equal(res.status, 404);
  });
});
