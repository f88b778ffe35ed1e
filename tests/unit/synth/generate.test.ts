import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CaseBundle, checkBundleIntegrity } from '../../../lib/model/bundle';
import { intervalOf } from '../../../lib/model/partial-date';
import { generateCase, prng } from '../../../lib/synth/generate';

describe('synthetic case generator', () => {
  const opts = { events: 400, entities: 60, seed: 11 };
  const bundle = generateCase(opts);

  it('is deterministic: the same options give the same bundle, another seed another one', () => {
    assert.equal(JSON.stringify(generateCase(opts)), JSON.stringify(bundle));
    assert.notEqual(JSON.stringify(generateCase({ ...opts, seed: 12 })), JSON.stringify(bundle));
    const a = prng(5);
    const b = prng(5);
    assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
  });

  it('is a valid bundle that passes every integrity check (quotes verbatim at their offsets)', () => {
    assert.equal(CaseBundle.safeParse(bundle).success, true);
    assert.deepEqual(checkBundleIntegrity(bundle), []);
    const sources = new Map(bundle.sources.map((s) => [s.id, s.text]));
    for (const c of bundle.citations) {
      const text = sources.get(c.sourceId)!;
      assert.equal(text.slice(c.start, c.end), c.quote);
      assert.equal(text.slice(c.start - c.prefix.length, c.start), c.prefix);
      assert.equal(text.slice(c.end, c.end + c.suffix.length), c.suffix);
    }
  });

  it('has the asked sizes, participations, relationships, sources and aliases', () => {
    assert.equal(bundle.events.length, 400);
    assert.equal(bundle.entities.length, 60);
    assert.ok(bundle.participations.length >= 400);
    assert.ok(bundle.relations.length > 0);
    assert.ok(bundle.sources.length > 1);
    assert.ok(bundle.entities.some((e) => e.aliases.length > 0));
    assert.ok(bundle.relations.some((r) => r.validFrom !== null && r.validTo !== null));
    for (const r of bundle.relations) {
      if (r.validFrom && r.validTo) assert.ok(intervalOf(r.validFrom).earliest < intervalOf(r.validTo).until);
    }
  });

  it('spreads dates over years with every precision, approximate dates and spans', () => {
    const precisions = new Set(bundle.events.map((e) => e.precision));
    assert.deepEqual([...precisions].sort(), ['day', 'minute', 'month', 'year']);
    assert.ok(bundle.events.some((e) => e.approximate));
    assert.ok(bundle.events.some((e) => e.end !== null));
    assert.ok(new Set(bundle.events.map((e) => e.start.slice(0, 4))).size >= 5);
    assert.ok(new Set(bundle.events.map((e) => e.status)).size >= 4);
  });

  it('refuses sizes it cannot make', () => {
    assert.throws(() => generateCase({ events: 0, entities: 10, seed: 1 }), RangeError);
    assert.throws(() => generateCase({ events: 10, entities: 1, seed: 1 }), RangeError);
  });
});
