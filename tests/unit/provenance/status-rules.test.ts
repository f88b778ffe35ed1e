import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveStatus, deriveStatusOf, statusEvidenceOf, type StatusEvidence } from '../../../lib/provenance/status-rules';

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

describe('status rules: independence through relays, and orphans', () => {
  it('two publishers relaying the same agency are one voice, not corroboration', () => {
    const viaInterfax = (publisher: string): StatusEvidence => ({ ...ev({ publisher }), origin: 'Interfax' });
    assert.equal(deriveStatus([viaInterfax('Press TV'), viaInterfax('RT')]).status, 'reported');
    assert.equal(deriveStatus([viaInterfax('Press TV'), ev({ publisher: 'Interfax' })]).status, 'reported');
    assert.equal(deriveStatus([viaInterfax('Press TV'), ev({ publisher: 'Reuters' })]).status, 'confirmed');
  });

  it('reads the evidence of a citation: its relayed outlet is its origin', () => {
    const c = {
      stance: 'reports' as const,
      hedges: [],
      assertedBy: { kind: 'person' as const, name: 'Stanislav Zas', entityId: null },
      via: [{ kind: 'outlet' as const, name: 'Interfax', entityId: null }],
    };
    assert.deepEqual(statusEvidenceOf(c, 'Press TV'), { stance: 'reports', asserterKind: 'person', hedges: [], publisher: 'Press TV', origin: 'Interfax' });
  });

  it('leaves orphaned citations out; with none left, there is no status to derive', () => {
    const base = { stance: 'reports' as const, hedges: [], via: [], publisher: 'Press TV', assertedBy: { kind: 'person' as const, name: 'Zas', entityId: null } };
    const rumour = { ...base, stance: 'alleges' as const, assertedBy: { kind: 'unnamed' as const, name: 'on-dit', entityId: null } };
    assert.equal(deriveStatusOf([{ ...base, orphaned: false }, { ...rumour, orphaned: true }])?.status, 'reported');
    assert.equal(deriveStatusOf([{ ...base, orphaned: true }]), null);
  });
});
