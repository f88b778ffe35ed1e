import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundleToJson, canonicalBundle, parseBundleJson, rekeyBundle } from '../../../lib/interchange/bundle';
import { InterchangeError } from '../../../lib/interchange/errors';
import { parseImport } from '../../../lib/interchange';
import { checkBundleIntegrity } from '../../../lib/model/bundle';
import { sampleBundle } from './sample';

describe('case bundle file', () => {
  it('writes the canonical form and reads it back identically', () => {
    const b = sampleBundle();
    const back = parseBundleJson(bundleToJson(b));
    assert.deepEqual(back, canonicalBundle(b));
    assert.deepEqual(canonicalBundle(back), back, 'canonical form is a fixed point');
    const ids = back.events.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort());
  });

  it('re-keys under another case id: every id new, every reference followed, deterministic', () => {
    const b = sampleBundle();
    const copy = rekeyBundle(b, 'copy-of-sample', 'A copy');
    assert.equal(copy.case.id, 'copy-of-sample');
    assert.equal(copy.case.title, 'A copy');
    assert.deepEqual(checkBundleIntegrity(copy), []);
    const oldIds = new Set([...b.events, ...b.entities, ...b.citations, ...b.sources, ...b.relations, ...b.participations].map((r) => r.id));
    for (const r of [...copy.events, ...copy.entities, ...copy.citations, ...copy.sources, ...copy.relations, ...copy.participations]) {
      assert.ok(!oldIds.has(r.id), `${r.id} was not re-keyed`);
    }
    assert.ok(copy.citations.every((c) => c.caseId === 'copy-of-sample'));
    assert.deepEqual(rekeyBundle(b, 'copy-of-sample', 'A copy'), copy);
    // Same content: quotes, statuses, titles, relation types.
    assert.deepEqual(copy.events.map((e) => [e.title, e.status, e.start]).sort(), b.events.map((e) => [e.title, e.status, e.start]).sort());
    const asserterIds = copy.citations.flatMap((c) => [c.assertedBy.entityId, ...c.via.map((v) => v.entityId)]).filter(Boolean);
    const entityIds = new Set(copy.entities.map((e) => e.id));
    assert.ok(asserterIds.every((id) => entityIds.has(id!)));
  });

  it('refuses, with where and why, what is not a bundle or breaks an invariant', () => {
    assert.throws(() => parseBundleJson('{oops'), (e: unknown) => e instanceof InterchangeError && /not valid JSON/.test(e.message));
    assert.throws(() => parseBundleJson('{"format":"something-else"}'), /not a Timeweave case bundle/);
    const b = structuredClone(sampleBundle());
    b.events[0]!.citationIds = [];
    assert.throws(
      () => parseBundleJson(JSON.stringify(b)),
      (e: unknown) => e instanceof InterchangeError && e.problems.some((p) => p.path === 'events.0.citationIds' && /at least one citation/.test(p.message)),
    );
    const moved = structuredClone(sampleBundle());
    moved.citations[0]!.quote = 'words that are not there';
    moved.citations[0]!.end = moved.citations[0]!.start + moved.citations[0]!.quote.length;
    assert.throws(() => parseBundleJson(JSON.stringify(moved)), (e: unknown) => e instanceof InterchangeError && /not found verbatim/.test(e.message));
  });

  it('imports a bundle as a copy when asked for another case id, and refuses a bad one', () => {
    const { bundle, report } = parseImport('bundle', bundleToJson(sampleBundle()), { caseId: 'another-one' });
    assert.equal(bundle.case.id, 'another-one');
    assert.match(report.notes[0]!, /copy under another-one/);
    assert.throws(() => parseImport('bundle', bundleToJson(sampleBundle()), { caseId: 'Not A Slug' }), /not a case id/);
  });
});
