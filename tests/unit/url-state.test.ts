import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_FILTERS } from '../../lib/filters';
import { DEFAULT_EXPLORE_STATE, decodeExploreState, encodeExploreState, wallClockMinute, type ExploreState } from '../../lib/url-state';

const full: ExploreState = {
  selected: { kind: 'event', id: 'evt_0123456789abcdef' },
  window: { start: '2022-01-10T00:00', end: '2022-01-17T06:30' },
  lanes: 'actor',
  filters: { entityTypes: ['place'], eventKinds: ['claim'], statuses: ['alleged', 'denied'], publishers: ['Press TV (French service)'], sourceIds: ['src_0123456789abcdef'] },
};

describe('explore state in the URL', () => {
  it('round-trips everything', () => {
    assert.deepEqual(decodeExploreState(encodeExploreState(full)), full);
  });

  it('encodes the default state as an empty query', () => {
    assert.equal(encodeExploreState(DEFAULT_EXPLORE_STATE), '');
    assert.deepEqual(decodeExploreState(''), DEFAULT_EXPLORE_STATE);
  });

  it('takes the kind of the selection from the id prefix', () => {
    assert.deepEqual(decodeExploreState('sel=ent_0123456789abcdef').selected, { kind: 'entity', id: 'ent_0123456789abcdef' });
    assert.equal(decodeExploreState('sel=src_0123456789abcdef').selected, null, 'a source is not selectable here');
    assert.equal(decodeExploreState('sel=evt_nothex').selected, null);
  });

  it('is canonical: the same state gives the same URL whatever the order it was built in', () => {
    const a = encodeExploreState({ ...DEFAULT_EXPLORE_STATE, filters: { ...NO_FILTERS, statuses: ['denied', 'alleged'] } });
    const b = encodeExploreState({ ...DEFAULT_EXPLORE_STATE, filters: { ...NO_FILTERS, statuses: ['alleged', 'denied'] } });
    assert.equal(a, b);
    assert.equal(a, 'hideStatus=alleged&hideStatus=denied');
  });

  it('drops what it does not understand instead of failing', () => {
    const s = decodeExploreState('lanes=colour&hideStatus=bogus&hideType=place&hideSrc=evt_0123456789abcdef&from=2022-01-10&to=x');
    assert.equal(s.lanes, 'none');
    assert.deepEqual(s.filters.statuses, []);
    assert.deepEqual(s.filters.entityTypes, ['place']);
    assert.deepEqual(s.filters.sourceIds, []);
    assert.equal(s.window, null);
  });

  it('refuses a window that ends before it starts', () => {
    assert.equal(decodeExploreState('from=2022-01-17T00:00&to=2022-01-10T00:00').window, null);
  });

  it('writes a window bound as floating wall-clock minutes', () => {
    assert.equal(wallClockMinute(new Date(2022, 0, 5, 7, 3, 59)), '2022-01-05T07:03');
  });
});
