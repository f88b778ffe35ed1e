import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WindowNetwork } from '../../../lib/api/large-case';
import type { TimelineWindow } from '../../../lib/api/timeline';
import { EventDetail, EventListItem, type CaseSummary } from '../../../lib/api/views';
import { linkedIds } from '../../../lib/selection';
import type { CoParticipationData } from '../../../lib/views/graph-elements';
import { networkHighlight, networkModel } from '../../../lib/views/network-views';
import { eventListItemOf, windowCaseView, windowNetworkNote } from '../../../lib/views/window-view';
import { eventListItem } from './event-fixture';

const summary: CaseSummary = { id: 'big', title: 'Big', summary: '', eventCount: 20_000, entityCount: 2_000, sourceCount: 900 } as CaseSummary;
const ev = (id: string, participantIds: string[]): EventListItem => eventListItem(id, participantIds);
const eventsAnswer: TimelineWindow = { mode: 'events', from: '2022-01-10T00:00:00.000Z', to: '2022-01-11T00:00:00.000Z', extent: null, total: 2, wider: 0, events: [ev('evt_1', ['ent_a', 'ent_b']), ev('evt_2', ['ent_b'])] };
const bucketsAnswer: TimelineWindow = { mode: 'buckets', from: '2022-01-01T00:00:00.000Z', to: '2023-01-01T00:00:00.000Z', extent: null, total: 5000, bucketMs: 86_400_000, buckets: [] };
const network: WindowNetwork = {
  from: '2022-01-10T00:00:00.000Z',
  to: '2022-01-11T00:00:00.000Z',
  limit: 2,
  entityTotal: 3,
  graph: {
    nodes: ['a', 'b'].map((x) => ({ id: `ent_${x}`, type: 'person' as const, name: x.toUpperCase(), aliases: [] })),
    edges: [],
    participations: [],
  },
  eventCounts: { ent_a: 1, ent_b: 2 },
  // Counted by the server over the whole window: more than the events the browser holds.
  shared: [{ source: 'ent_a', target: 'ent_b', weight: 7 }],
  sharedTotal: 1,
};

describe('windowCaseView: the large case page holds only what it loaded', () => {
  it("the window's events when listed one by one, none when counted; the window's network", () => {
    const v = windowCaseView(summary, eventsAnswer, network, null);
    assert.deepEqual(v.events.map((e) => e.id), ['evt_1', 'evt_2']);
    assert.equal(v.graph, network.graph);
    assert.deepEqual(v.sources, []);
    assert.deepEqual(windowCaseView(summary, bucketsAnswer, null, null).events, []);
    assert.deepEqual(windowCaseView(summary, null, null, null).graph, { nodes: [], edges: [], participations: [] });
  });

  it('adds the selected event when the window does not list it, never twice', () => {
    const outside = ev('evt_x', ['ent_a']);
    assert.deepEqual(windowCaseView(summary, bucketsAnswer, network, outside).events.map((e) => e.id), ['evt_x']);
    assert.deepEqual(windowCaseView(summary, eventsAnswer, network, ev('evt_1', [])).events.map((e) => e.id), ['evt_1', 'evt_2']);
  });

  it('links both ways: an entity lights up its listed events, an event its drawn participants', () => {
    const v = windowCaseView(summary, eventsAnswer, network, null);
    const byEntity = linkedIds({ selected: { kind: 'entity', id: 'ent_a' }, hovered: null }, v);
    assert.deepEqual([...byEntity.eventIds], ['evt_1']);
    const byEvent = linkedIds({ selected: { kind: 'event', id: 'evt_1' }, hovered: null }, v);
    assert.deepEqual([...byEvent.entityIds].sort(), ['ent_a', 'ent_b']);
  });
});

describe('networkModel with shared events counted by the server', () => {
  const v = windowCaseView(summary, eventsAnswer, network, null);
  const m = networkModel(v, 'coparticipation', null, network.shared);

  it('draws the given pairs with their weight, not what the loaded events alone would give', () => {
    const cop = m.elements.filter((e) => e.classes === 'coparticipation').map((e) => e.data as CoParticipationData);
    assert.deepEqual(cop.map((d) => [d.id, d.weight, d.label]), [['cop:ent_a:ent_b', 7, '7 shared events']]);
    assert.equal(m.summaries.get('ent_a')!.sharesEventsWith, 1);
    // The link's events are not known here: an event lights up the links among its participants.
    const h = networkHighlight(linkedIds({ selected: { kind: 'event', id: 'evt_1' }, hovered: null }, v), m);
    assert.ok(h.edgeIds.has('cop:ent_a:ent_b'));
    const other = networkHighlight(linkedIds({ selected: { kind: 'event', id: 'evt_2' }, hovered: null }, v), m);
    assert.ok(!other.edgeIds.has('cop:ent_a:ent_b'), 'evt_2 has one participant');
  });

  it('drops pairs with an entity that is not drawn (cytoscape would throw)', () => {
    const more = networkModel(v, 'coparticipation', null, [...network.shared, { source: 'ent_a', target: 'ent_z', weight: 3 }]);
    assert.equal(more.elements.filter((e) => e.classes === 'coparticipation').length, 1);
  });
});

describe('eventListItemOf', () => {
  it("an event's details in the timeline's shape: participants and sources deduplicated, citations counted", () => {
    const source = { id: 'src_1', title: 'S', publisher: 'P', publisherEntityId: null, published: null, url: null, reliabilityNote: null };
    const citation = (id: string) => ({ id, source }) as unknown as EventDetail['citations'][number];
    const detail = {
      ...ev('evt_7', []),
      caseId: 'big',
      description: '',
      statusReason: null,
      citationIds: ['cit_1', 'cit_2'],
      citations: [citation('cit_1'), citation('cit_2')],
      participants: [
        { entity: { id: 'ent_b', name: 'B', type: 'person' }, role: 'host', citations: [] },
        { entity: { id: 'ent_a', name: 'A', type: 'person' }, role: 'guest', citations: [] },
        { entity: { id: 'ent_b', name: 'B', type: 'person' }, role: 'speaker', citations: [] },
      ],
    } as unknown as EventDetail;
    const item = EventListItem.parse(eventListItemOf(detail));
    assert.deepEqual(item.participantIds, ['ent_a', 'ent_b']);
    assert.deepEqual(item.sourceIds, ['src_1']);
    assert.equal(item.citationCount, 2);
    assert.equal(item.start, '2022-01-10');
  });
});

describe('windowNetworkNote', () => {
  it('says how many entities are drawn of how many, and when links were cut', () => {
    assert.equal(windowNetworkNote(network), "Showing 2 of 3 entities taking part in this window's events (those in the most events first).");
    assert.equal(
      windowNetworkNote({ ...network, entityTotal: 2, sharedTotal: 1500 }),
      "Showing all 2 entities taking part in this window's events; shared-event links: the 1 strongest of 1,500.",
    );
    assert.equal(windowNetworkNote({ ...network, entityTotal: 0, graph: { nodes: [], edges: [], participations: [] } }), 'No entity takes part in the events of this window.');
  });
});
