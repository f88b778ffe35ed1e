import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseView } from '../../../lib/api/views';
import { linkedIds, type SelectionState } from '../../../lib/selection';
import type { CoParticipationData, EventNodeData } from '../../../lib/views/graph-elements';
import { eventNodeLabel, networkHighlight, networkModel } from '../../../lib/views/network-views';
import { sampleCaseView } from './sample-view';
import { eventListItem } from './event-fixture';

const ev = (id: string, participantIds: string[], status: CaseView['events'][number]['status'] = 'reported'): CaseView['events'][number] =>
  eventListItem(id, participantIds, { status });

// a, b, c took part in evt_1; a and b also in evt_2; d in nothing; a leads b.
const view: Pick<CaseView, 'events' | 'graph'> = {
  events: [ev('evt_1', ['ent_a', 'ent_b', 'ent_c']), ev('evt_2', ['ent_a'], 'alleged'), ev('evt_3', [])],
  graph: {
    nodes: ['a', 'b', 'c', 'd'].map((x) => ({ id: `ent_${x}`, type: 'person' as const, name: x.toUpperCase(), aliases: [] })),
    edges: [{ id: 'rel_1', type: 'LEADS', source: 'ent_a', target: 'ent_b', validFrom: null, validTo: null, citationCount: 1 }],
    // evt_2's second participant is recorded only as a participation: both places count.
    participations: [{ id: 'par_x', eventId: 'evt_2', entityId: 'ent_b', role: 'host' }],
  },
};

const ids = (m: ReturnType<typeof networkModel>, group: 'nodes' | 'edges') => m.elements.filter((e) => e.group === group).map((e) => e.data.id);
const select = (kind: 'event' | 'entity', id: string): SelectionState => ({ selected: { kind, id }, hovered: null });

describe('networkModel: co-participation', () => {
  const m = networkModel(view, 'coparticipation');

  it('draws entities only, the stated relationship, and one weighted edge per pair that shares events', () => {
    assert.deepEqual(ids(m, 'nodes'), ['ent_a', 'ent_b', 'ent_c', 'ent_d']);
    assert.deepEqual(ids(m, 'edges'), ['rel_1', 'cop:ent_a:ent_b', 'cop:ent_a:ent_c', 'cop:ent_b:ent_c']);
    const ab = m.elements.find((e) => e.data.id === 'cop:ent_a:ent_b')!.data as CoParticipationData;
    assert.equal(ab.weight, 2, 'evt_1 and evt_2');
    assert.deepEqual(ab.eventIds, ['evt_1', 'evt_2']);
    assert.equal(ab.label, '2 shared events');
    assert.ok(ab.width > (m.elements.find((e) => e.data.id === 'cop:ent_a:ent_c')!.data as CoParticipationData).width, 'heavier is wider');
  });

  it('keeps shared events apart from stated relationships (own class, never a rel- class)', () => {
    const cop = m.elements.filter((e) => e.data.id.startsWith('cop:'));
    assert.ok(cop.every((e) => e.classes === 'coparticipation'));
    assert.equal(m.elements.find((e) => e.data.id === 'rel_1')!.classes, 'rel-leads');
  });

  it('summarises each entity for the list view', () => {
    assert.deepEqual(
      [...m.summaries.values()].map((s) => [s.node.id, s.relationships, s.sharesEventsWith]),
      [
        ['ent_a', 1, 2],
        ['ent_b', 1, 2],
        ['ent_c', 0, 2],
        ['ent_d', 0, 0],
      ],
    );
    assert.deepEqual(m.events, []);
  });

  it('an event highlights its participants and the shared-event edges it is part of', () => {
    const h = networkHighlight(linkedIds(select('event', 'evt_2'), view), m);
    assert.deepEqual([...h.nodeIds].sort(), ['ent_a', 'ent_b']);
    assert.ok(h.edgeIds.has('cop:ent_a:ent_b'));
    assert.ok(!h.edgeIds.has('cop:ent_a:ent_c'), 'evt_2 is not shared by a and c');
    assert.equal(h.selectedId, null, 'the event is not drawn in this view');
  });

  it('an entity highlights whom it shares events with, along those edges', () => {
    const h = networkHighlight(linkedIds(select('entity', 'ent_c'), view), m);
    assert.deepEqual([...h.nodeIds].sort(), ['ent_a', 'ent_b', 'ent_c']);
    assert.ok(!h.edgeIds.has('rel_1'));
    assert.equal(h.selectedId, 'ent_c');
  });

  it('nothing in focus: nothing highlighted or dimmed', () => {
    assert.equal(networkHighlight(linkedIds({ selected: null, hovered: null }, view), m).active, false);
  });
});

describe('networkModel: bipartite', () => {
  const m = networkModel(view, 'bipartite');

  it('draws every event as a node, classed by its status, linked to each participant', () => {
    assert.deepEqual(ids(m, 'nodes'), ['ent_a', 'ent_b', 'ent_c', 'ent_d', 'evt_1', 'evt_2', 'evt_3']);
    const alleged = m.elements.find((e) => e.data.id === 'evt_2')!;
    assert.equal(alleged.classes, 'event status-alleged');
    assert.equal((alleged.data as EventNodeData).label, '? ALLEGED: Event evt_2');
    assert.deepEqual(ids(m, 'edges').filter((id) => id.startsWith('par:')), [
      'par:evt_1:ent_a',
      'par:evt_1:ent_b',
      'par:evt_1:ent_c',
      'par:evt_2:ent_a',
      'par:evt_2:ent_b',
    ]);
    assert.ok(!ids(m, 'edges').some((id) => id.startsWith('cop:')), 'no folded edges when events are drawn');
    assert.equal(m.events.length, 3);
  });

  it('selecting an event: the event node selected, its participants and links highlighted', () => {
    const h = networkHighlight(linkedIds(select('event', 'evt_1'), view), m);
    assert.equal(h.selectedId, 'evt_1');
    assert.deepEqual([...h.nodeIds].sort(), ['ent_a', 'ent_b', 'ent_c', 'evt_1']);
    assert.deepEqual([...h.edgeIds].filter((id) => id.startsWith('par:')).sort(), ['par:evt_1:ent_a', 'par:evt_1:ent_b', 'par:evt_1:ent_c']);
  });

  it('selecting an entity highlights its events', () => {
    const h = networkHighlight(linkedIds(select('entity', 'ent_b'), view), m);
    assert.ok(h.nodeIds.has('evt_1') && h.nodeIds.has('evt_2') && !h.nodeIds.has('evt_3'));
  });
});

describe('networkModel: scope (focus mode)', () => {
  it('draws only the scoped entities and events, and edges among them', () => {
    const m = networkModel(view, 'bipartite', { entityIds: new Set(['ent_a', 'ent_b']), eventIds: new Set(['evt_2']) });
    assert.deepEqual(ids(m, 'nodes'), ['ent_a', 'ent_b', 'evt_2']);
    assert.deepEqual(ids(m, 'edges'), ['rel_1', 'par:evt_2:ent_a', 'par:evt_2:ent_b']);
    const c = networkModel(view, 'coparticipation', { entityIds: new Set(['ent_a', 'ent_c']), eventIds: new Set(['evt_1']) });
    assert.deepEqual(ids(c, 'edges'), ['cop:ent_a:ent_c']);
  });
});

describe('networkModel on the sample case', () => {
  const { view: sample } = sampleCaseView();
  it("'relations' is what embeds draw: entities and stated relationships only", () => {
    const m = networkModel(sample, 'relations');
    assert.equal(ids(m, 'nodes').length, sample.graph.nodes.length);
    assert.equal(ids(m, 'edges').length, sample.graph.edges.length);
  });
  it('bipartite has one node per event; Tokayev and Zas share the meeting', () => {
    assert.equal(networkModel(sample, 'bipartite').events.length, sample.events.length);
    const cop = networkModel(sample, 'coparticipation');
    const name = (id: string) => sample.graph.nodes.find((n) => n.id === id)!.name;
    const pairs = cop.elements.filter((e) => e.classes === 'coparticipation').map((e) => [name((e.data as CoParticipationData).source), name((e.data as CoParticipationData).target)].sort().join(' + '));
    assert.ok(pairs.includes('Kassym-Jomart Tokayev + Stanislav Zas'));
  });
  it('labels say doubtful statuses in words', () => {
    assert.equal(eventNodeLabel({ title: 'X', status: 'denied' }), '✕ DENIED: X');
    assert.equal(eventNodeLabel({ title: 'X', status: 'confirmed' }), 'X');
  });
});
