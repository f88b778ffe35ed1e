import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { importCaseBundle } from '../../graph/import.repo';
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

  it('two hops reach co-participants and neighbours of neighbours, not further', async () => {
    const n = (await getEntityNeighbourhood(entityId('Stanislav Zas'), 2))!;
    const got = names(n.graph.nodes.map((x) => x.id));
    for (const expected of ['Kassym-Jomart Tokayev', 'Interfax', 'CSTO Collective Peacekeeping Forces']) assert.ok(got.includes(expected), expected);
    assert.ok(!got.includes('Kazakhstan'), 'three hops away');
  });

  it('answers null for an unknown entity', async () => {
    assert.equal(await getEntityNeighbourhood('ent_0000000000000000', 1), null);
  });
});
