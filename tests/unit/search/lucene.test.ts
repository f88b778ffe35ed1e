import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENTITY_TEXT_FIELDS, SEARCH_TEXT_FIELDS, escapeLucene, foldForPrefix, luceneQuery, MAX_TOKENS, queryTokens, textClauses } from '../../../lib/search/lucene';

/** A term asked of every text property, as the index is queried. */
const fields = (term: string) => `(${SEARCH_TEXT_FIELDS.map((f) => `${f}:${term}`).join(' OR ')})`;
/** A plain word: itself or as a prefix. */
const word = (w: string) => `(${fields(w)} OR ${fields(`${w}*`)})`;

describe('luceneQuery for entities only', () => {
  it('asks names and aliases only, nothing events or quotes have', () => {
    const inNames = (term: string) => `(${ENTITY_TEXT_FIELDS.map((f) => `${f}:${term}`).join(' OR ')})`;
    assert.equal(luceneQuery('Zas', 'kazakhstan-2022-01', 'entity'), `caseId:"kazakhstan-2022-01"^0 AND (${inNames('zas')} OR ${inNames('zas*')})`);
    assert.doesNotMatch(luceneQuery('Tokayev meets', 'kazakhstan-2022-01', 'entity')!, /title:|quote:|description:|translation:/);
  });
});

describe('luceneQuery: user text is only ever terms', () => {
  it('matches each word exactly or as a prefix, in every text property, all words required', () => {
    assert.equal(textClauses('CSTO'), word('csto'));
    assert.equal(textClauses('  Tokayev   Zas '), `${word('tokayev')} AND ${word('zas')}`);
  });

  it('asks user words of the text properties only, never of the case id the index also holds', () => {
    assert.deepEqual([...SEARCH_TEXT_FIELDS].sort(), ['aliasText', 'description', 'name', 'quote', 'title', 'translation']);
    const q = textClauses('kaz')!;
    assert.ok(!q.includes('caseId'), q);
    // Every term is qualified: nothing is left for the parser's default fields.
    const terms = q.replace(/[()]/g, ' ').split(/\s+/).filter((t) => t && t !== 'OR' && t !== 'AND');
    assert.ok(terms.every((t) => SEARCH_TEXT_FIELDS.some((f) => t.startsWith(`${f}:`))), terms.join(' '));
  });

  it('requires the case, as a phrase that scores nothing, and refuses what is not a case id', () => {
    assert.equal(luceneQuery('CSTO', 'kazakhstan-2022-01'), `caseId:"kazakhstan-2022-01"^0 AND ${word('csto')}`);
    for (const bad of ['Kazakhstan', 'a"b', 'x) OR (y', '', 'a b']) assert.throws(() => luceneQuery('csto', bad), /not a case id/, bad);
  });

  it('escapes every special character of the classic query parser', () => {
    assert.equal(escapeLucene('+-&|!(){}[]^"~*?:\\/'), '\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
    assert.equal(textClauses('name:csto'), fields('name\\:csto'));
    assert.equal(textClauses('csto~'), fields('csto\\~'));
    assert.equal(textClauses('"csto'), fields('\\"csto'));
  });

  it('defuses the operators AND, OR, NOT and TO by lower-casing them', () => {
    assert.equal(textClauses('csto OR NOT zas'), [word('csto'), word('or'), word('not'), word('zas')].join(' AND '));
  });

  it('drops tokens that are only punctuation, so "*" searches nothing rather than everything', () => {
    assert.equal(luceneQuery('*', 'demo'), null);
    assert.equal(luceneQuery('*:* && ||', 'demo'), null);
    assert.equal(luceneQuery('', 'demo'), null);
    assert.deepEqual(queryTokens('a - b'), ['a', 'b']);
  });

  it('gives no prefix form to one-letter words or hyphenated ones', () => {
    assert.equal(textClauses('a'), fields('a'));
    assert.equal(textClauses('Kassym-Jomart'), fields('kassym\\-jomart'));
  });

  it('keeps Cyrillic intact and folds Latin accents in prefixes', () => {
    assert.equal(textClauses('ОДКБ'), word('одкб'));
    assert.equal(foldForPrefix('Tokaïev'), 'tokaiev');
    assert.equal(foldForPrefix('Зась'), 'зась');
    assert.equal(foldForPrefix('Қазақстан'), 'қазақстан');
    assert.equal(foldForPrefix('й'), 'й', 'a Cyrillic letter with a breve is a letter of its own');
  });

  it('bounds the number of words', () => {
    const q = textClauses(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))!;
    assert.equal(q.split(' AND ').length, MAX_TOKENS);
  });
});
