import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { neo4j, read, writeInBatches, writeTransaction } from '../../graph/driver';
import { deleteCase, importCaseBundle } from '../../graph/import.repo';
import { ENTITY_NEIGHBOURHOOD } from '../../graph/queries/read.queries';
import { MIGRATIONS, migrate } from '../../graph/migrations';
import { getEntityNeighbourhood } from '../../graph/neighbourhood.repo';
import type { CaseBundle } from '../../lib/model/bundle';
import { makeId } from '../../lib/model/ids';
import { generateCase } from '../../lib/synth/generate';
import { isolatedSampleCase } from './harness';

const { caseId, bundle } = isolatedSampleCase('hood');
const entityId = (name: string) => bundle.entities.find((e) => e.name === name)!.id;
const names = (ids: string[]) => ids.map((id) => bundle.entities.find((e) => e.id === id)!.name).sort();

/**
 * The neighbourhood by its definition, computed from a bundle in JS: breadth-first over
 * participations and relationships (both directions), nearest first, then by id, cut at `limit`;
 * edges and participations among what is kept.
 */
function expectedNeighbourhood(b: CaseBundle, centre: string, hops: 1 | 2, limit: number) {
  const adjacent = new Map<string, Set<string>>();
  const link = (x: string, y: string) => {
    adjacent.set(x, (adjacent.get(x) ?? new Set()).add(y));
    adjacent.set(y, (adjacent.get(y) ?? new Set()).add(x));
  };
  for (const p of b.participations) link(p.entityId, p.eventId);
  for (const r of b.relations) link(r.fromId, r.toId);
  const distance = new Map([[centre, 0]]);
  let frontier = [centre];
  for (let d = 1; d <= hops; d++) {
    const next: string[] = [];
    for (const x of frontier) for (const y of adjacent.get(x) ?? []) if (!distance.has(y)) (distance.set(y, d), next.push(y));
    frontier = next;
  }
  const reached = [...distance].filter(([id]) => id !== centre).sort(([a, da], [b2, db]) => da - db || (a < b2 ? -1 : 1)).map(([id]) => id);
  const kept = new Set([centre, ...reached.slice(0, limit)]);
  return {
    entityIds: [centre, ...reached.slice(0, limit).filter((id) => id.startsWith('ent_'))],
    eventIds: reached.slice(0, limit).filter((id) => id.startsWith('evt_')),
    truncated: reached.length > limit,
    edgeIds: b.relations.filter((r) => kept.has(r.fromId) && kept.has(r.toId)).map((r) => r.id).sort(),
    participationIds: b.participations.filter((p) => kept.has(p.entityId) && kept.has(p.eventId)).map((p) => p.id).sort(),
  };
}

type Op = { operatorType: string; rows: number; arguments: { Details?: string }; children: Op[] };
const operators = (root: Op): Op[] => [root, ...root.children.flatMap(operators)];

describe('entity neighbourhood (real Neo4j)', () => {
  const synth = generateCase({ events: 500, entities: 24, seed: 21, caseId: `${caseId}-synth` });
  const degree = (id: string) => synth.participations.filter((p) => p.entityId === id).length;
  const hub = [...synth.entities].sort((a, b) => degree(b.id) - degree(a.id) || (a.id < b.id ? -1 : 1))[0]!;

  before(async () => {
    await migrate();
    await importCaseBundle(bundle);
    await importCaseBundle(synth);
  });
  after(async () => {
    await deleteCase(synth.case.id);
  });

  it('answers what its definition says, for every entity of a generated case, both depths, cut or not', async () => {
    let compared = 0;
    let cut = 0;
    for (const e of synth.entities) {
      for (const hops of [1, 2] as const) {
        for (const limit of [1, 4, 25, 200]) {
          const got = (await getEntityNeighbourhood(e.id, hops, limit))!;
          const want = expectedNeighbourhood(synth, e.id, hops, limit);
          const at = `${e.id}, ${hops} hop(s), limit ${limit}`;
          assert.deepEqual(got.graph.nodes.map((n) => n.id), want.entityIds, `entities of ${at}`);
          assert.deepEqual(got.eventIds, want.eventIds, `events of ${at}`);
          assert.equal(got.truncated, want.truncated, `truncated, ${at}`);
          assert.deepEqual(got.graph.edges.map((x) => x.id).sort(), want.edgeIds, `edges of ${at}`);
          assert.deepEqual(got.graph.participations.map((x) => x.id).sort(), want.participationIds, `participations of ${at}`);
          compared++;
          if (want.truncated) cut++;
        }
      }
    }
    // The comparison covers both sides of the cut, and second rings that start from a hub.
    assert.ok(cut > compared / 4 && cut < compared, `${cut} of ${compared} answers were cut`);
  });

  it("the second ring reads past the events the first ring already holds in a neighbour's list", async () => {
    // C is related to H and took part in H's first 10 events by id; H took part in 40. C's first
    // ring is H and those 10 events, so its second ring is H's 11th event onwards: the read of H's
    // events must look past the 10 it will exclude (a cut of $limit - 1 would miss the "more" here).
    const [e0] = bundle.events;
    const [h0, c0] = bundle.entities;
    const part = bundle.participations[0]!;
    const rel = bundle.relations[0]!;
    const events = Array.from({ length: 40 }, (_, i) => ({ ...e0!, id: makeId('event', caseId, 'deep', i), title: `Deep ${i}` }));
    const byId = events.map((e) => e.id).sort();
    const h = { ...h0!, id: makeId('entity', caseId, 'deep-h'), name: 'Deep H', aliases: [] };
    const c = { ...c0!, id: makeId('entity', caseId, 'deep-c'), name: 'Deep C', aliases: [] };
    const joins = (entityId: string, eventIds: string[]) => eventIds.map((eventId) => ({ ...part, id: makeId('participation', caseId, entityId, eventId), entityId, eventId }));
    const deep: CaseBundle = {
      ...bundle,
      events: [...bundle.events, ...events],
      entities: [...bundle.entities, h, c],
      participations: [...bundle.participations, ...joins(h.id, byId), ...joins(c.id, byId.slice(0, 10))],
      relations: [...bundle.relations, { ...rel, id: makeId('relation', caseId, 'deep'), fromId: c.id, toId: h.id }],
    };
    await importCaseBundle(deep);
    try {
      const n = (await getEntityNeighbourhood(c.id, 2, 15))!;
      assert.deepEqual(n.graph.nodes.map((x) => x.id), [c.id, h.id]);
      assert.deepEqual(n.eventIds, byId.slice(0, 14), 'ten in the first ring, then H\'s next four');
      assert.equal(n.truncated, true, 'H has 26 more');
      const all = (await getEntityNeighbourhood(c.id, 2, 41))!;
      assert.deepEqual(all.eventIds, byId);
      assert.equal(all.truncated, false);
    } finally {
      await importCaseBundle(bundle);
    }
  });

  it("reads a hub's events from the participation index, as many as the limit asks, not all of them", async () => {
    const d = degree(hub.id);
    assert.ok(d > 100, `the hub takes part in ${d} events`);
    for (const hops of [1, 2] as const) {
      const res = await read(`PROFILE ${ENTITY_NEIGHBOURHOOD[hops]}`, { id: hub.id, limit: neo4j.int(5) });
      const ops = operators(res.summary.profile as unknown as Op);
      const seeks = ops.filter((o) => o.operatorType.startsWith('DirectedRelationshipIndexSeek'));
      assert.ok(seeks.length > 0, `${hops} hop(s): the participation index is sought`);
      // One seek for the first ring; the second ring is not asked when the first is already full.
      const entries = seeks.reduce((n, o) => n + o.rows, 0);
      assert.ok(entries <= 5 + 2, `${hops} hop(s): ${entries} index entries read for a page of 5`);
      for (const o of ops) {
        if (/PARTICIPATES_IN/.test(String(o.arguments.Details))) assert.ok(o.rows < d, `${o.operatorType} handled ${o.rows} rows (hub degree ${d})`);
      }
    }
  });

  it('counts an event once when the entity took part in it in two roles', async () => {
    const zas = entityId('Stanislav Zas');
    const first = bundle.participations.find((p) => p.entityId === zas)!;
    const second = { ...first, id: makeId('participation', caseId, first.eventId, zas, 'second role'), role: 'second role' };
    await importCaseBundle({ ...bundle, participations: [...bundle.participations, second] });
    try {
      // CSTO and two events: three within reach, whatever the number of participations.
      const n = (await getEntityNeighbourhood(zas, 1, 3))!;
      assert.equal(n.eventIds.length, 2);
      assert.equal(new Set(n.eventIds).size, 2);
      assert.equal(n.truncated, false, 'a second role is not a fourth neighbour');
      assert.deepEqual(n.graph.participations.filter((p) => p.entityId === zas && p.eventId === first.eventId).map((p) => p.role).sort(), [first.role, 'second role'].sort());
    } finally {
      await importCaseBundle(bundle);
    }
  });

  it('migration 0014 gives participations written before it their ends\' ids, and the neighbourhood its events', async () => {
    const zas = entityId('Stanislav Zas');
    const before = (await getEntityNeighbourhood(zas, 1))!;
    assert.equal(before.eventIds.length, 2);
    await writeTransaction((tx) => tx.run('MATCH (:Entity {id: $id})-[p:PARTICIPATES_IN]->() REMOVE p.entityId, p.eventId', { id: zas }));
    assert.deepEqual((await getEntityNeighbourhood(zas, 1))!.eventIds, [], 'without the ids the index has no entry for them');
    const m = MIGRATIONS.find((x) => x.id === '0014-participation-index')!;
    for (const statement of m.statements) await writeInBatches(statement);
    assert.deepEqual(await getEntityNeighbourhood(zas, 1), before);
  });

  it('one hop: the entity, what it is related to, and the events it took part in', async () => {
    const n = (await getEntityNeighbourhood(entityId('Stanislav Zas'), 1))!;
    assert.deepEqual(names(n.graph.nodes.map((x) => x.id)), ['Collective Security Treaty Organization', 'Stanislav Zas']);
    assert.equal(n.eventIds.length, 2, 'the meeting with Tokayev and the Interfax statement');
    assert.ok(n.graph.edges.every((e) => n.graph.nodes.some((x) => x.id === e.source) && n.graph.nodes.some((x) => x.id === e.target)));
    assert.ok(n.graph.participations.every((p) => n.eventIds.includes(p.eventId)));
  });

  it('two hops reach co-participants and neighbours of neighbours, not further', async () => {
    const n = (await getEntityNeighbourhood(entityId('Stanislav Zas'), 2))!;
    const got = names(n.graph.nodes.map((x) => x.id));
    for (const expected of ['Kassym-Jomart Tokayev', 'Interfax', 'CSTO Collective Peacekeeping Forces']) assert.ok(got.includes(expected), expected);
    assert.ok(!got.includes('Kazakhstan'), 'three hops away');
  });

  it('is bounded: at most `limit` besides the centre, nearest first, and says it was cut', async () => {
    const whole = (await getEntityNeighbourhood(entityId('Stanislav Zas'), 2))!;
    assert.equal(whole.truncated, false);
    const reached = whole.graph.nodes.length - 1 + whole.eventIds.length;
    assert.ok(reached > 3, `needs more than 3 within reach, got ${reached}`);
    const cut = (await getEntityNeighbourhood(entityId('Stanislav Zas'), 2, 3))!;
    assert.equal(cut.truncated, true);
    assert.equal(cut.limit, 3);
    assert.equal(cut.graph.nodes.length - 1 + cut.eventIds.length, 3);
    assert.ok(cut.graph.nodes.some((n) => n.id === entityId('Stanislav Zas')), 'the centre is always there');
    // Nearest first: the three kept are exactly the one-hop neighbourhood (CSTO and two events).
    const oneHop = (await getEntityNeighbourhood(entityId('Stanislav Zas'), 1))!;
    assert.deepEqual(
      [...cut.graph.nodes.map((n) => n.id), ...cut.eventIds].sort(),
      [...oneHop.graph.nodes.map((n) => n.id), ...oneHop.eventIds].sort(),
    );
    // Only edges and participations among what is returned.
    const kept = new Set([...cut.graph.nodes.map((n) => n.id), ...cut.eventIds]);
    assert.ok(cut.graph.participations.every((p) => kept.has(p.eventId) && kept.has(p.entityId)));
    assert.ok(cut.graph.edges.every((e) => kept.has(e.source) && kept.has(e.target)));
  });

  it('answers null for an unknown entity', async () => {
    assert.equal(await getEntityNeighbourhood('ent_0000000000000000', 1), null);
  });
});
