import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snippetOf } from '../../../lib/search/snippet';

describe('snippetOf', () => {
  it('finds the word in the first field that has it, ignoring accents and case', () => {
    const s = snippetOf(['Kassym-Jomart Tokayev', 'Kassym-Jomart Tokaïev | Токаев'], 'tokaiev')!;
    assert.equal(s.text, 'Kassym-Jomart Tokaïev | Токаев');
    assert.equal(s.text.slice(s.match!.start, s.match!.end), 'Tokaïev');
  });

  it('matches Cyrillic case-insensitively', () => {
    const s = snippetOf(['CSTO | ОДКБ'], 'одкб')!;
    assert.equal(s.text.slice(s.match!.start, s.match!.end), 'ОДКБ');
  });

  it('cuts a long text around the match, with ellipses', () => {
    const long = `${'word '.repeat(60)}needle ${'tail '.repeat(60)}`;
    const s = snippetOf([long], 'needle', 60)!;
    assert.ok(s.text.startsWith('…') && s.text.endsWith('…'), s.text);
    assert.ok(s.text.length <= 62);
    assert.equal(s.text.slice(s.match!.start, s.match!.end), 'needle');
  });

  it('falls back to the start of the first field when no word matches literally', () => {
    assert.deepEqual(snippetOf([null, 'Some description'], 'zzz'), { text: 'Some description', match: null });
    assert.equal(snippetOf([null, ''], 'x'), null);
  });
});

describe('rankHits', () => {
  it('puts an exact name or alias match first, then orders by score', async () => {
    const { rankHits } = await import('../../../lib/search/rank');
    const ranked = rankHits(
      [
        { hit: { id: 'peacekeepers', score: 3 }, names: ['CSTO Collective Peacekeeping Forces'] },
        { hit: { id: 'csto', score: 1 }, names: ['Collective Security Treaty Organization', 'CSTO', 'ОДКБ'] },
        { hit: { id: 'other', score: 2 }, names: ['Other'] },
      ],
      'csto',
    );
    assert.deepEqual(ranked.map((h) => h.id), ['csto', 'peacekeepers', 'other']);
    assert.equal(rankHits([{ hit: { id: 't', score: 1 }, names: ['Tokaïev'] }, { hit: { id: 'x', score: 2 }, names: ['x'] }], 'TOKAIEV')[0]!.id, 't');
  });
});
