import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';
import { VERSION_PATTERN, caseVersion, stableStringify } from '../../../lib/embed/version';

const sample = readCaseFolder(SAMPLE_CASE_DIR);

describe('case version hash', () => {
  it('is 16 hex digits and the same for the same content', () => {
    const v = caseVersion(sample);
    assert.match(v, VERSION_PATTERN);
    assert.equal(caseVersion(structuredClone(sample)), v);
  });

  it('ignores the order records and citation ids come back in (Neo4j keeps none)', () => {
    const shuffled = {
      ...sample,
      events: [...sample.events].reverse().map((e) => ({ ...e, citationIds: [...e.citationIds].reverse() })),
      citations: [...sample.citations].reverse(),
      entities: [...sample.entities].reverse(),
    };
    assert.equal(caseVersion(shuffled), caseVersion(sample));
  });

  it('ignores the order of object keys', () => {
    const [first, ...rest] = sample.events;
    const reordered = Object.fromEntries(Object.entries(first!).reverse()) as typeof first & object;
    assert.equal(caseVersion({ ...sample, events: [reordered, ...rest] }), caseVersion(sample));
  });

  it('changes when an event, a status, a quote translation or a relationship changes', () => {
    const v = caseVersion(sample);
    const edit = (f: (b: typeof sample) => void) => {
      const b = structuredClone(sample);
      f(b);
      return caseVersion(b);
    };
    assert.notEqual(edit((b) => (b.events[0]!.title += '!')), v);
    assert.notEqual(edit((b) => (b.events[0]!.status = b.events[0]!.status === 'alleged' ? 'reported' : 'alleged')), v);
    assert.notEqual(edit((b) => (b.citations[0]!.translation = 'changed')), v);
    assert.notEqual(edit((b) => b.relations.pop()), v);
  });

  it('serialises keys in sorted order and drops undefined', () => {
    assert.equal(stableStringify({ b: 1, a: [true, null], c: undefined }), '{"a":[true,null],"b":1}');
  });
});
