import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { neo4j, read } from '../../graph/driver';
import { importCaseBundle } from '../../graph/import.repo';
import { ENTITY_NEIGHBOURHOOD } from '../../graph/queries/read.queries';
import { migrate } from '../../graph/migrations';
import { getEntityNeighbourhood } from '../../graph/neighbourhood.repo';
import { isolatedSampleCase } from './harness';

const { bundle } = isolatedSampleCase('hood');
const entityId = (name: string) => bundle.entities.find((e) => e.name === name)!.id;
const names = (ids: string[]) => ids.map((id) => bundle.entities.find((e) => e.id === id)!.name).sort();

describe('entity neighbourhood (real Neo4j)', () => {
  before(async () => {
    await migrate();
    await importCaseBundle(bundle);
  });

  it('one hop: the entity, what it is related to, and the events it took part in', async () => {
    const n = (await getEntityNeighbourhood(entityId('Stanislav Zas'), 1))!;
    assert.deepEqual(names(n.graph.nodes.map((x) => x.id)), ['Collective Security Treaty Organization', 'Stanislav Zas']);
    assert.equal(n.eventIds.length, 2, 'the meeting with Tokayev and the Interfax statement');
    assert.ok(n.graph.edges.every((e) => n.graph.nodes.some((x) => x.id === e.source) && n.graph.nodes.some((x) => x.id === e.target)));
    assert.ok(n.graph.participations.every((p) => n.eventIds.includes(p.eventId)));
  });

  it('walks one step for one hop: the expansion never goes two steps to throw the second away', async () => {
    type Op = { operatorType: string; rows: number; arguments: { Details?: string }; children: Op[] };
    const expansions = async (hops: 1 | 2) => {
      const res = await read(`PROFILE ${ENTITY_NEIGHBOURHOOD[hops]}`, { id: entityId('Stanislav Zas'), limit: neo4j.int(50) });
      const out: Op[] = [];
      const walk = (o: Op) => {
        if (o.operatorType.startsWith('VarLengthExpand')) out.push(o);
        o.children.forEach(walk);
      };
      walk(res.summary.profile as unknown as Op);
      return out;
    };
    const [one] = await expansions(1);
    const [two] = await expansions(2);
    assert.ok(one && two, 'both depths walk with a variable-length expansion');
    assert.doesNotMatch(String(one.arguments.Details), /\*\.\.2|\*1\.\.2/, 'the 1-hop walk is bounded at one step');
    assert.ok(one.rows < two.rows, `1 hop walked ${one.rows} paths, 2 hops ${two.rows}`);
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
