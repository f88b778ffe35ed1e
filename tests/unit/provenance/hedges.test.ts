import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectHedges } from '../../../lib/provenance/hedges';

describe('hedge detection', () => {
  it('finds French hearsay markers, whatever the accents and case', () => {
    assert.deepEqual(detectHedges('Il est rapporté que tout cela aurait pu être évacué'), ['aurait', 'rapporte']);
    assert.deepEqual(detectHedges('Selon des on-dit, l’armée russe'), ['selon', 'on-dit']);
    assert.deepEqual(detectHedges('selon certaines sources, et, peut-être, des mercenaires'), ['selon', 'peut-être', 'certaines sources']);
  });

  it('finds English markers', () => {
    assert.deepEqual(detectHedges('The lab was allegedly attacked, according to people familiar with it'), [
      'allegedly',
      'according to',
      'people familiar',
    ]);
    assert.deepEqual(detectHedges('Officials claimed it was over; reportedly, flights left'), ['reportedly', 'claimed']);
  });

  it('matches whole words only', () => {
    assert.deepEqual(detectHedges('La Selonie déclare'), []);
    assert.deepEqual(detectHedges('a reclaimed building'), []);
  });

  it('finds nothing in a flat statement', () => {
    assert.deepEqual(detectHedges("Le retrait a déjà commencé aujourd'hui, le 13 janvier."), []);
  });
});
