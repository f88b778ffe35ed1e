import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { closeDriver } from '../../graph/driver';
import { encodeEvent, encodeRelation } from '../../graph/encode';
import { deleteCase, importCaseBundle } from '../../graph/import.repo';
import { getEventFacets, getWindowNetwork, listSourcesHead } from '../../graph/large-case.repo';
import { setEventStatus } from '../../graph/provenance.repo';
import { migrate } from '../../graph/migrations';
import { EventFacets, WindowNetwork } from '../../lib/api/large-case';
import { hiddenEventCount } from '../../lib/views/event-facets';
import { generateCase } from '../../lib/synth/generate';

/**
 * The large case page's bounded reads against real Neo4j, on a synthetic case (lib/synth).
 * Expectations are computed from the bundle itself, with the instants the import stores
 * (encodeEvent, encodeRelation).
 */
const caseId = `it-large-${randomBytes(4).toString('hex')}`;
const bundle = generateCase({ events: 600, entities: 60, seed: 9, caseId });
const events = new Map(
  bundle.events.map((e) => {
    const row = encodeEvent(e);
    return [e.id, { id: e.id, status: e.status, start: Date.parse(row.startAt), end: Date.parse(row.endAt) }];
  }),
);
const iso = (ms: number) => new Date(ms).toISOString();
const everything = { limit: 500, hideKind: [], hideStatus: [] };

/** What the window network must answer, computed in JS from the bundle. */
function expected(from: number, to: number, hideStatus: string[] = []) {
  const inWindow = new Set([...events.values()].filter((e) => e.start < to && e.end > from && !hideStatus.includes(e.status)).map((e) => e.id));
  const eventsOf = new Map<string, Set<string>>();
  for (const p of bundle.participations) {
    if (!inWindow.has(p.eventId)) continue;
    eventsOf.set(p.entityId, (eventsOf.get(p.entityId) ?? new Set()).add(p.eventId));
  }
  const ranked = [...eventsOf].map(([id, set]) => ({ id, events: set.size })).sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1));
  return { inWindow, eventsOf, ranked };
}

after(async () => {
  await deleteCase(caseId);
  await closeDriver();
});

describe('large case reads (real Neo4j)', () => {
  before(async () => {
    await migrate();
    await importCaseBundle(bundle);
  });

  it('a window: the most active entities first, with their event counts and the count of all', async () => {
    const starts = [...events.values()].map((e) => e.start).sort((a, b) => a - b);
    const from = starts[Math.floor(starts.length / 3)]!;
    const to = starts[Math.floor((2 * starts.length) / 3)]!;
    const want = expected(from, to);
    assert.ok(want.ranked.length > 10, `the window must involve some entities, has ${want.ranked.length}`);
    const limit = 10;
    const net = WindowNetwork.parse(await getWindowNetwork(caseId, { from: iso(from), to: iso(to) }, { ...everything, limit }));
    assert.equal(net.entityTotal, want.ranked.length);
    assert.equal(net.limit, limit);
    assert.deepEqual(
      net.graph.nodes.map((n) => n.id),
      want.ranked.slice(0, limit).map((r) => r.id),
    );
    assert.deepEqual(net.eventCounts, Object.fromEntries(want.ranked.slice(0, limit).map((r) => [r.id, r.events])));
    assert.deepEqual(net.graph.participations, []);
    for (const n of net.graph.nodes) assert.equal(n.name, bundle.entities.find((e) => e.id === n.id)!.name);

    // Shared events: every pair of drawn entities with events of the window in common, heaviest first.
    const drawn = net.graph.nodes.map((n) => n.id).sort();
    const pairs: Array<{ source: string; target: string; weight: number }> = [];
    for (let i = 0; i < drawn.length; i++) {
      for (let j = i + 1; j < drawn.length; j++) {
        const a = want.eventsOf.get(drawn[i]!)!;
        const weight = [...want.eventsOf.get(drawn[j]!)!].filter((id) => a.has(id)).length;
        if (weight > 0) pairs.push({ source: drawn[i]!, target: drawn[j]!, weight });
      }
    }
    pairs.sort((x, y) => y.weight - x.weight || (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : 1));
    assert.ok(pairs.length > 0);
    assert.equal(net.sharedTotal, pairs.length);
    assert.deepEqual(net.shared, pairs);
    // Relationships: those among the drawn entities whose validity overlaps the window.
    const rels = bundle.relations
      .filter((r) => drawn.includes(r.fromId) && drawn.includes(r.toId))
      .filter((r) => {
        const row = encodeRelation(r);
        return (!row.validFromAt || Date.parse(row.validFromAt) < to) && (!row.validToAt || Date.parse(row.validToAt) > from);
      })
      .map((r) => r.id)
      .sort();
    assert.deepEqual(net.graph.edges.map((e) => e.id), rels);
  });

  it('no window: the whole case; hidden statuses leave their events out', async () => {
    const whole = WindowNetwork.parse(await getWindowNetwork(caseId, {}, everything));
    const all = expected(-Infinity, Infinity);
    assert.equal(whole.from, null);
    assert.equal(whole.entityTotal, all.ranked.length);
    assert.deepEqual(whole.graph.nodes.map((n) => n.id), all.ranked.map((r) => r.id));

    const hidden = ['reported', 'confirmed'];
    const some = WindowNetwork.parse(await getWindowNetwork(caseId, {}, { ...everything, hideStatus: hidden as never }));
    const want = expected(-Infinity, Infinity, hidden);
    assert.ok(want.ranked.length > 0 && want.inWindow.size < events.size);
    assert.deepEqual(some.eventCounts, Object.fromEntries(want.ranked.map((r) => [r.id, r.events])));
  });

  it('a window with no events: an empty network; an unknown case: null', async () => {
    const empty = await getWindowNetwork(caseId, { from: '1800-01-01T00:00:00.000Z', to: '1800-02-01T00:00:00.000Z' }, everything);
    assert.ok(empty);
    assert.equal(empty.entityTotal, 0);
    assert.deepEqual(empty.graph, { nodes: [], edges: [], participations: [] });
    assert.deepEqual(empty.shared, []);
    assert.equal(await getWindowNetwork(`${caseId}-nope`, {}, everything), null);
  });

  it("the filters' counts: the case's events per (kind, status), kept exact when a status is set", async () => {
    const count = (list: ReadonlyArray<{ kind: string; status: string }>) => {
      const m = new Map<string, number>();
      for (const e of list) m.set(`${e.kind}/${e.status}`, (m.get(`${e.kind}/${e.status}`) ?? 0) + 1);
      return Object.fromEntries([...m].sort());
    };
    const asRecord = (f: EventFacets) => Object.fromEntries(f.entries.map((e) => [`${e.kind}/${e.status}`, e.count]).sort());
    const facets = EventFacets.parse(await getEventFacets(caseId));
    assert.equal(facets.total, bundle.events.length);
    assert.deepEqual(asRecord(facets), count(bundle.events));
    assert.ok(facets.entries.length > 5, `the case must mix kinds and statuses, has ${facets.entries.length} pairs`);
    // What the panel says is hidden: a hidden kind and a hidden status overlap, counted once.
    const kind = bundle.events[0]!.kind;
    const hidden = bundle.events.filter((e) => e.kind === kind || e.status === 'alleged').length;
    assert.equal(hiddenEventCount(facets, [kind], ['alleged']), hidden);

    // An editor's status changes one event's pair: the counts follow in the same transaction.
    const event = bundle.events.find((e) => e.status !== 'denied')!;
    await setEventStatus(event.id, { status: 'denied', reason: 'Every source that mentions it denies it (test).' });
    const after = EventFacets.parse(await getEventFacets(caseId));
    const moved = bundle.events.map((e) => (e.id === event.id ? { ...e, status: 'denied' as const } : e));
    assert.deepEqual(asRecord(after), count(moved));
    assert.equal(after.total, bundle.events.length);
    assert.equal(await getEventFacets(`${caseId}-nope`), null);
  });

  it('the first sources by title (then id), never more than asked', async () => {
    const want = [...bundle.sources].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1));
    assert.ok(want.length > 5, `the case must have some sources, has ${want.length}`);
    const head = await listSourcesHead(caseId, 5);
    assert.deepEqual(head.map((s) => s.id), want.slice(0, 5).map((s) => s.id));
    assert.equal((await listSourcesHead(caseId, 1000)).length, want.length);
    assert.deepEqual(await listSourcesHead(`${caseId}-nope`, 5), []);
  });
});
