import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmentText } from '../../../lib/provenance/segments';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';

describe('cutting a source text into runs for the reader', () => {
  it('concatenates back to the text and covers each citation exactly', () => {
    const bundle = readCaseFolder(SAMPLE_CASE_DIR);
    const source = bundle.sources[0]!;
    const runs = segmentText(source.text, bundle.citations, source.furniture);
    assert.equal(runs.map((r) => r.text).join(''), source.text);
    for (const c of bundle.citations) {
      const covered = runs.filter((r) => r.citationIds.includes(c.id)).map((r) => r.text).join('');
      assert.equal(covered, c.quote);
      assert.equal(runs.filter((r) => r.startsHere.includes(c.id)).length, 1);
      assert.equal(runs.filter((r) => r.endsHere.includes(c.id)).length, 1);
    }
    assert.ok(runs.some((r) => r.furniture === 'share button' && r.text === 'Partager Cet Article'));
  });

  it('handles overlapping and nested citations', () => {
    const text = 'abcdefghij';
    const runs = segmentText(text, [
      { id: 'a', start: 1, end: 6, quote: 'bcdef' },
      { id: 'b', start: 4, end: 9, quote: 'efghi' },
      { id: 'c', start: 2, end: 3, quote: 'c' },
    ]);
    assert.deepEqual(
      runs.map((r) => [r.text, r.citationIds.join('+')]),
      [['a', ''], ['b', 'a'], ['c', 'a+c'], ['d', 'a'], ['ef', 'a+b'], ['ghi', 'b'], ['j', '']],
    );
  });

  it('never draws a citation whose quote is not at its offsets (an orphan or stale offsets)', () => {
    const runs = segmentText('hello world', [{ id: 'x', start: 0, end: 5, quote: 'world' }]);
    assert.deepEqual(runs.map((r) => r.citationIds.length), [0]);
  });
});
