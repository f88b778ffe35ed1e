import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CaseFileError, compileCaseFile } from '../../../lib/case-file/compile';
import { anchorQuote } from '../../../lib/case-file/anchor';

const TEXT = 'Header\n\nThe mission is over, said Zas. The mission is over.\n\nShare this';
const file = (over: Record<string, unknown> = {}) => ({
  case: { id: 'test-case', title: 'Test', summary: '' },
  sources: [
    {
      key: 'src', file: 'a.txt', title: 'A', publisher: 'Outlet', author: null, url: null, language: 'en',
      published: '2022-01', retrieved: null, reliabilityNote: null,
      furniture: [{ quote: 'Share this', reason: 'share button' }],
    },
  ],
  citations: [
    {
      key: 'c1', source: 'src', quote: 'The mission is over, said Zas.', translation: null,
      assertedBy: { kind: 'person', name: 'Zas', entity: 'zas' }, stance: 'reports',
    },
  ],
  entities: [{ key: 'zas', type: 'person', name: 'Stanislav Zas' }],
  events: [{ key: 'e1', title: 'Mission over', description: '', kind: 'statement', start: '2022-01-13', status: 'reported', citations: ['c1'] }],
  ...over,
});
const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof CaseFileError, String(e));
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
  assert.fail('expected a CaseFileError');
};

describe('case file compiler', () => {
  it('anchors quotes with offsets, prefix and suffix', () => {
    const b = compileCaseFile(file(), { 'a.txt': TEXT });
    const c = b.citations[0]!;
    assert.equal(TEXT.slice(c.start, c.end), c.quote);
    assert.equal(c.prefix, 'Header\n\n');
    assert.equal(c.suffix, ' The mission is over.\n\nShare thi'); // 32 characters of context
    assert.equal(b.sources[0]!.furniture[0]!.reason, 'share button');
    assert.equal(b.events[0]!.citationIds[0], c.id);
  });

  it('refuses a quote that is not in the text, naming it', () => {
    const f = file();
    (f.citations as Array<Record<string, unknown>>)[0]!.quote = 'The mission failed';
    assert.match(problemsOf(() => compileCaseFile(f, { 'a.txt': TEXT })).join('\n'), /quote not found.*The mission failed/);
  });

  it('refuses an ambiguous quote unless told which occurrence', () => {
    assert.throws(() => anchorQuote(TEXT, 'The mission is over'), /occurs 2 times/);
    assert.equal(anchorQuote(TEXT, 'The mission is over', 2).start, TEXT.lastIndexOf('The mission is over'));
  });

  it('refuses an event without citations', () => {
    const f = file({ events: [{ key: 'e1', title: 'Uncited', description: '', kind: 'other', start: '2022', status: 'reported', citations: [] }] });
    assert.match(problemsOf(() => compileCaseFile(f, { 'a.txt': TEXT })).join('\n'), /at least one citation/);
  });

  it('refuses a citation of page furniture', () => {
    const f = file();
    (f.citations as Array<Record<string, unknown>>)[0]!.quote = 'Share this';
    assert.match(problemsOf(() => compileCaseFile(f, { 'a.txt': TEXT })).join('\n'), /furniture/);
  });

  it('reports every unknown key at once, and unknown fields', () => {
    const f = file({
      events: [{ key: 'e1', title: 'X', description: '', kind: 'other', start: '2022', status: 'reported', citations: ['nope'], participants: [{ entity: 'ghost', role: 'r', citations: ['c1'] }] }],
    });
    const problems = problemsOf(() => compileCaseFile(f, { 'a.txt': TEXT })).join('\n');
    assert.match(problems, /unknown citation key "nope"/);
    assert.match(problems, /unknown entity key "ghost"/);
    assert.match(problemsOf(() => compileCaseFile({ ...file(), extra: 1 }, { 'a.txt': TEXT })).join('\n'), /extra|Unrecognized/i);
  });

  it('refuses an end before the start', () => {
    const f = file({ events: [{ key: 'e1', title: 'X', description: '', kind: 'other', start: '2022-01-13', end: '2022-01-10', status: 'reported', citations: ['c1'] }] });
    assert.match(problemsOf(() => compileCaseFile(f, { 'a.txt': TEXT })).join('\n'), /end is before start/);
  });
});
