import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveStatus, type StatusEvidence } from '../../../lib/provenance/status-rules';

const ev = (over: Partial<StatusEvidence> = {}): StatusEvidence => ({
  stance: 'reports',
  asserterKind: 'person',
  hedges: [],
  publisher: 'Press TV',
  ...over,
});

describe('status rules', () => {
  it('a named, unhedged statement from one publisher is reported', () => {
    assert.equal(deriveStatus([ev(), ev({ stance: 'asserts', asserterKind: 'outlet' })]).status, 'reported');
  });

  it('two independent publishers stating it plainly confirm it', () => {
    assert.equal(deriveStatus([ev(), ev({ publisher: 'Reuters' })]).status, 'confirmed');
  });

  it('one publisher repeating itself is never corroboration', () => {
    assert.equal(deriveStatus([ev(), ev(), ev(), ev()]).status, 'reported');
  });

  it('hedged, unnamed or alleging support makes it alleged', () => {
    assert.equal(deriveStatus([ev({ stance: 'asserts' }), ev({ hedges: ['selon'] })]).status, 'alleged');
    assert.equal(deriveStatus([ev({ asserterKind: 'unnamed' })]).status, 'alleged');
    assert.equal(deriveStatus([ev({ stance: 'alleges' })]).status, 'alleged');
  });

  it('corroboration by two publishers outweighs a hedged extra', () => {
    assert.equal(deriveStatus([ev(), ev({ publisher: 'AP' }), ev({ hedges: ['aurait'] })]).status, 'confirmed');
  });

  it('denials: only denials → denied; denial against support → disputed', () => {
    assert.equal(deriveStatus([ev({ stance: 'denies' })]).status, 'denied');
    assert.equal(deriveStatus([ev({ stance: 'denies' }), ev({ publisher: 'AP' })]).status, 'disputed');
  });

  it('refuses to give a status to an uncited event', () => {
    assert.throws(() => deriveStatus([]), /without citations/);
  });
});
