import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventFacets } from '../../../lib/api/large-case';
import { facetTotals, hiddenEventCount } from '../../../lib/views/event-facets';
import { hiddenSummary } from '../../../lib/filters';

const facets: EventFacets = {
  total: 1_610,
  entries: [
    { kind: 'attack', status: 'alleged', count: 5 },
    { kind: 'attack', status: 'confirmed', count: 1_200 },
    { kind: 'statement', status: 'alleged', count: 400 },
    { kind: 'deployment', status: 'reported', count: 5 },
  ],
};

describe('event facets (the large case filters)', () => {
  it('totals per status and per kind, in the vocabularies’ order, only values present', () => {
    const { statuses, kinds } = facetTotals(facets);
    assert.deepEqual(statuses, [
      ['confirmed', 1_200],
      ['reported', 5],
      ['alleged', 405],
    ]);
    assert.deepEqual(kinds, [
      ['attack', 1_205],
      ['deployment', 5],
      ['statement', 400],
    ]);
  });

  it('counts an event of a hidden kind and a hidden status once', () => {
    assert.equal(hiddenEventCount(facets, [], []), 0);
    assert.equal(hiddenEventCount(facets, ['attack'], []), 1_205);
    assert.equal(hiddenEventCount(facets, [], ['alleged']), 405);
    // attack/alleged (5) is both: 1,205 + 400, not 1,205 + 405.
    assert.equal(hiddenEventCount(facets, ['attack'], ['alleged']), 1_605);
  });

  it('says a hidden count in words, with thousands separated', () => {
    assert.equal(hiddenSummary({ events: 1_605, entities: 0, relationships: 0 }), '1,605 events hidden by filters');
    assert.equal(hiddenSummary({ events: 1, entities: 2, relationships: 0 }), '1 event and 2 entities hidden by filters');
  });
});
