import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseView } from '../../lib/api/views';
import { initialSelection, linkedIds, sameTarget, selectionReducer, type SelectionState } from '../../lib/selection';
import { sampleCaseView } from './views/sample-view';
import { eventListItem } from './views/event-fixture';

/**
 * A small graph, drawn so every rule shows:
 *   A —LEADS→ B —PART_OF→ C      D (isolated)
 *   event e1: A, B take part      event e2: C, D take part      event e3: nobody
 */
const view: Pick<CaseView, 'events' | 'graph'> = {
  events: [
    event('evt_1', ['ent_a', 'ent_b']),
    event('evt_2', ['ent_c']), // D joins e2 through graph.participations only
    event('evt_3', []),
  ],
  graph: {
    nodes: ['a', 'b', 'c', 'd'].map((x) => ({ id: `ent_${x}`, type: 'person' as const, name: x.toUpperCase(), aliases: [] })),
    edges: [
      { id: 'rel_ab', type: 'LEADS', source: 'ent_a', target: 'ent_b', validFrom: null, validTo: null, citationCount: 1 },
      { id: 'rel_bc', type: 'PART_OF', source: 'ent_b', target: 'ent_c', validFrom: null, validTo: null, citationCount: 1 },
    ],
    participations: [
      { id: 'par_1', eventId: 'evt_1', entityId: 'ent_a', role: 'host' },
      { id: 'par_2', eventId: 'evt_1', entityId: 'ent_b', role: 'guest' },
      { id: 'par_3', eventId: 'evt_2', entityId: 'ent_c', role: 'target' },
      { id: 'par_4', eventId: 'evt_2', entityId: 'ent_d', role: 'witness' },
    ],
  },
};

function event(id: string, participantIds: string[]): CaseView['events'][number] {
  return eventListItem(id, participantIds, { title: id, kind: 'other' });
}

const sorted = (s: ReadonlySet<string>) => [...s].sort();
const eventId = (v: CaseView, title: string) => {
  const found = v.events.find((e) => e.title === title);
  assert.ok(found, `sample event "${title}"`);
  return found.id;
};
const namesOf = (v: CaseView, ids: ReadonlySet<string>) => [...ids].map((id) => v.graph.nodes.find((n) => n.id === id)?.name).sort();
const select = (state: SelectionState, kind: 'event' | 'entity', id: string) =>
  selectionReducer(state, { type: 'select', target: { kind, id } });

describe('selectionReducer', () => {
  it('selects, hovers and clears', () => {
    let s = select(initialSelection, 'event', 'evt_1');
    assert.deepEqual(s, { selected: { kind: 'event', id: 'evt_1' }, hovered: null });
    s = selectionReducer(s, { type: 'hover', target: { kind: 'entity', id: 'ent_c' } });
    assert.deepEqual(s.hovered, { kind: 'entity', id: 'ent_c' });
    assert.deepEqual(s.selected, { kind: 'event', id: 'evt_1' }, 'hovering does not change the selection');
    s = selectionReducer(s, { type: 'hover', target: null });
    assert.equal(s.hovered, null);
    s = selectionReducer(s, { type: 'clear' });
    assert.deepEqual(s, initialSelection);
  });

  it('selecting ends the preview (a touch "hover" never ends by itself)', () => {
    let s = selectionReducer(initialSelection, { type: 'hover', target: { kind: 'event', id: 'evt_2' } });
    s = select(s, 'event', 'evt_1');
    assert.deepEqual(s, { selected: { kind: 'event', id: 'evt_1' }, hovered: null });
  });

  it('returns the same object when nothing changes, so React can skip a render', () => {
    const s = select(initialSelection, 'entity', 'ent_a');
    assert.equal(select(s, 'entity', 'ent_a'), s);
    assert.equal(selectionReducer(s, { type: 'hover', target: null }), s);
    assert.equal(selectionReducer(initialSelection, { type: 'clear' }), initialSelection);
  });

  it('tells an event from an entity with the same id', () => {
    assert.ok(!sameTarget({ kind: 'event', id: 'x' }, { kind: 'entity', id: 'x' }));
    assert.ok(sameTarget(null, null));
    const s = select(select(initialSelection, 'event', 'x'), 'entity', 'x');
    assert.deepEqual(s.selected, { kind: 'entity', id: 'x' });
  });

  it('does not keep a reference to the action target', () => {
    const target = { kind: 'event' as const, id: 'evt_1' };
    const s = selectionReducer(initialSelection, { type: 'select', target });
    target.id = 'evt_2';
    assert.equal(s.selected?.id, 'evt_1');
  });
});

describe('linkedIds', () => {
  it('highlights nothing when nothing is selected or hovered', () => {
    const l = linkedIds(initialSelection, view);
    assert.equal(l.focus, null);
    assert.equal(l.eventIds.size + l.entityIds.size + l.edgeIds.size, 0);
  });

  it('an event: exactly its participants and the relationships among them', () => {
    const l = linkedIds(select(initialSelection, 'event', 'evt_1'), view);
    assert.deepEqual(sorted(l.eventIds), ['evt_1']);
    assert.deepEqual(sorted(l.entityIds), ['ent_a', 'ent_b']);
    assert.deepEqual(sorted(l.edgeIds), ['rel_ab'], 'B—C leaves the event, so it is not highlighted');
  });

  it('an event: participants from graph.participations count too', () => {
    const l = linkedIds(select(initialSelection, 'event', 'evt_2'), view);
    assert.deepEqual(sorted(l.entityIds), ['ent_c', 'ent_d']);
    assert.deepEqual(sorted(l.edgeIds), []);
  });

  it('an event without participants highlights only itself', () => {
    const l = linkedIds(select(initialSelection, 'event', 'evt_3'), view);
    assert.deepEqual(sorted(l.eventIds), ['evt_3']);
    assert.equal(l.entityIds.size + l.edgeIds.size, 0);
  });

  it('an entity: its events, its relationships and its neighbours along them', () => {
    const l = linkedIds(select(initialSelection, 'entity', 'ent_b'), view);
    assert.deepEqual(sorted(l.eventIds), ['evt_1']);
    assert.deepEqual(sorted(l.edgeIds), ['rel_ab', 'rel_bc']);
    assert.deepEqual(sorted(l.entityIds), ['ent_a', 'ent_b', 'ent_c']);
  });

  it('an entity: co-participants are not neighbours (no relationship is stated between them)', () => {
    const l = linkedIds(select(initialSelection, 'entity', 'ent_d'), view);
    assert.deepEqual(sorted(l.entityIds), ['ent_d']);
    assert.deepEqual(sorted(l.eventIds), ['evt_2']);
    assert.equal(l.edgeIds.size, 0);
  });

  it('hover previews over the selection, and the selection comes back after', () => {
    const selected = select(initialSelection, 'event', 'evt_1');
    const hovering = selectionReducer(selected, { type: 'hover', target: { kind: 'entity', id: 'ent_d' } });
    const preview = linkedIds(hovering, view);
    assert.deepEqual(preview.focus, { kind: 'entity', id: 'ent_d' });
    assert.deepEqual(preview.selected, { kind: 'event', id: 'evt_1' });
    assert.deepEqual(sorted(preview.eventIds), ['evt_2']);
    const back = linkedIds(selectionReducer(hovering, { type: 'hover', target: null }), view);
    assert.deepEqual(sorted(back.eventIds), ['evt_1']);
  });

  it('a stale id highlights nothing rather than something wrong', () => {
    for (const kind of ['event', 'entity'] as const) {
      const l = linkedIds(select(initialSelection, kind, 'gone'), view);
      assert.ok(l.focus, 'the focus is kept (the panel can say it is gone)');
      assert.equal(l.eventIds.size + l.entityIds.size + l.edgeIds.size, 0);
    }
  });

  it('on the sample case: the Tokayev–Zas meeting lights up exactly Tokayev and Zas', () => {
    const { view: sample } = sampleCaseView();
    const l = linkedIds(select(initialSelection, 'event', eventId(sample, 'Tokayev meets CSTO Secretary General Zas')), sample);
    assert.deepEqual(namesOf(sample, l.entityIds), ['Kassym-Jomart Tokayev', 'Stanislav Zas']);
    assert.equal(l.edgeIds.size, 0, 'no relationship between the two is stated');
  });

  it('on the sample case: the CSTO deployment lights up its four participants and the two relationships among them', () => {
    const { view: sample } = sampleCaseView();
    const l = linkedIds(select(initialSelection, 'event', eventId(sample, 'CSTO peacekeeping contingent deployed in Kazakhstan')), sample);
    assert.deepEqual(namesOf(sample, l.entityIds), [
      'Almaty',
      'CSTO Collective Peacekeeping Forces',
      'Collective Security Treaty Organization',
      'Kazakhstan',
    ]);
    const edges = [...l.edgeIds].map((id) => sample.graph.edges.find((e) => e.id === id)!.type).sort();
    assert.deepEqual(edges, ['LOCATED_IN', 'PART_OF']);
  });

  it('on the sample case: the laboratory lights up its five events and Almaty, where it is', () => {
    const { view: sample } = sampleCaseView();
    const lab = sample.graph.nodes.find((n) => n.name === 'US-linked biological laboratory near Almaty')!;
    const l = linkedIds(select(initialSelection, 'entity', lab.id), sample);
    assert.equal(l.eventIds.size, 5);
    assert.deepEqual(namesOf(sample, l.entityIds), ['Almaty', 'US-linked biological laboratory near Almaty']);
  });
});
