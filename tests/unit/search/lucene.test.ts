import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeLucene, foldForPrefix, luceneQuery, MAX_TOKENS, queryTokens } from '../../../lib/search/lucene';

describe('luceneQuery: user text is only ever terms', () => {
  it('matches each word exactly or as a prefix, all words required', () => {
    assert.equal(luceneQuery('CSTO'), '(csto OR csto*)');
    assert.equal(luceneQuery('  Tokayev   Zas '), '(tokayev OR tokayev*) AND (zas OR zas*)');
  });

  it('escapes every special character of the classic query parser', () => {
    assert.equal(escapeLucene('+-&|!(){}[]^"~*?:\\/'), '\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
    assert.equal(luceneQuery('name:csto'), '(name\\:csto)');
    assert.equal(luceneQuery('csto~'), '(csto\\~)');
    assert.equal(luceneQuery('"csto'), '(\\"csto)');
  });

  it('defuses the operators AND, OR, NOT and TO by lower-casing them', () => {
    assert.equal(luceneQuery('csto OR NOT zas'), '(csto OR csto*) AND (or OR or*) AND (not OR not*) AND (zas OR zas*)');
  });

  it('drops tokens that are only punctuation, so "*" searches nothing rather than everything', () => {
    assert.equal(luceneQuery('*'), null);
    assert.equal(luceneQuery('*:* && ||'), null);
    assert.equal(luceneQuery(''), null);
    assert.deepEqual(queryTokens('a - b'), ['a', 'b']);
  });

  it('gives no prefix form to one-letter words or hyphenated ones', () => {
    assert.equal(luceneQuery('a'), '(a)');
    assert.equal(luceneQuery('Kassym-Jomart'), '(kassym\\-jomart)');
  });

  it('keeps Cyrillic intact and folds Latin accents in prefixes', () => {
    assert.equal(luceneQuery('ОДКБ'), '(одкб OR одкб*)');
    assert.equal(foldForPrefix('Tokaïev'), 'tokaiev');
    assert.equal(foldForPrefix('Зась'), 'зась');
    assert.equal(foldForPrefix('Қазақстан'), 'қазақстан');
    assert.equal(foldForPrefix('й'), 'й', 'a Cyrillic letter with a breve is a letter of its own');
  });

  it('bounds the number of words', () => {
    const q = luceneQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))!;
    assert.equal(q.split(' AND ').length, MAX_TOKENS);
  });
});
