import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFilters, filtersReducer, hiddenSummary, isEmptyFilters, NO_FILTERS, type Filters } from '../../lib/filters';
import { sampleCaseView } from './views/sample-view';

const { view } = sampleCaseView();
const withFilters = (f: Partial<Filters>) => ({ ...NO_FILTERS, ...f });

describe('filtersReducer', () => {
  it('toggles a value on and off, keeping vocabulary order', () => {
    let s = filtersReducer(NO_FILTERS, { type: 'toggle', facet: 'statuses', value: 'denied' });
    s = filtersReducer(s, { type: 'toggle', facet: 'statuses', value: 'alleged' });
    assert.deepEqual(s.statuses, ['alleged', 'denied']);
    s = filtersReducer(s, { type: 'toggle', facet: 'statuses', value: 'denied' });
    assert.deepEqual(s.statuses, ['alleged']);
  });

  it('reset returns the empty filters, and the same object when already empty', () => {
    const s = filtersReducer(withFilters({ eventKinds: ['claim'] }), { type: 'reset' });
    assert.ok(isEmptyFilters(s));
    assert.equal(filtersReducer(NO_FILTERS, { type: 'reset' }), NO_FILTERS);
  });
});

describe('applyFilters', () => {
  it('changes nothing without filters', () => {
    const r = applyFilters(view, NO_FILTERS);
    assert.equal(r.view, view);
    assert.equal(hiddenSummary(r.hidden), null);
  });

  it('hides alleged events and counts them', () => {
    const r = applyFilters(view, withFilters({ statuses: ['alleged'] }));
    const alleged = view.events.filter((e) => e.status === 'alleged').length;
    assert.ok(alleged > 0);
    assert.equal(r.view.events.length, view.events.length - alleged);
    assert.ok(r.view.events.every((e) => e.status !== 'alleged'));
    assert.equal(r.hidden.events, alleged);
    assert.ok(r.view.graph.participations.every((p) => r.view.events.some((e) => e.id === p.eventId)), 'no participation in a hidden event');
    assert.equal(hiddenSummary(r.hidden), `${alleged} events hidden by filters`);
  });

  it('hides an event kind', () => {
    const r = applyFilters(view, withFilters({ eventKinds: ['statement', 'claim'] }));
    assert.ok(r.view.events.every((e) => e.kind !== 'statement' && e.kind !== 'claim'));
    assert.ok(r.hidden.events >= 2);
  });

  it('hides an entity type with its relationships, but keeps the events', () => {
    const r = applyFilters(view, withFilters({ entityTypes: ['place'] }));
    const places = new Set(view.graph.nodes.filter((n) => n.type === 'place').map((n) => n.id));
    assert.ok(r.view.graph.nodes.every((n) => !places.has(n.id)));
    assert.ok(r.view.graph.edges.every((e) => !places.has(e.source) && !places.has(e.target)));
    assert.ok(r.view.events.every((e) => e.participantIds.every((id) => !places.has(id))));
    assert.equal(r.view.events.length, view.events.length);
    assert.equal(r.hidden.entities, places.size);
    assert.ok(r.hidden.relationships > 0);
    assert.match(hiddenSummary(r.hidden)!, /^\d+ entities and \d+ relationships hidden by filters$/);
  });

  it('hides events whose every source is from a hidden publisher, by publisher or by source', () => {
    const publisher = view.sources[0]!.publisher;
    const byPublisher = applyFilters(view, withFilters({ publishers: [publisher] }));
    assert.equal(byPublisher.view.events.length, 0, 'the sample case has one source');
    const bySource = applyFilters(view, withFilters({ sourceIds: [view.sources[0]!.id] }));
    assert.equal(bySource.hidden.events, view.events.length);
  });

  it('keeps an event that another, visible source still supports', () => {
    const two = { ...view, events: [{ ...view.events[0]!, sourceIds: ['src_a', 'src_b'] }] };
    assert.equal(applyFilters(two, withFilters({ sourceIds: ['src_a'] })).view.events.length, 1);
    assert.equal(applyFilters(two, withFilters({ sourceIds: ['src_a', 'src_b'] })).view.events.length, 0);
  });
});
