import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorAt, countOutcomes, reanchor, reanchorSpans, sameWords } from '../../../lib/provenance/reanchor';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';

const bundle = readCaseFolder(SAMPLE_CASE_DIR);
const text = bundle.sources[0]!.text;
const byQuote = (fragment: string) => bundle.citations.find((c) => c.quote.includes(fragment))!;
const tokayev = byQuote('a annoncé la fin de la mission');

describe('re-anchoring a quote in a new version of its text', () => {
  it('keeps a citation whose text did not change where it was (offsets)', () => {
    for (const c of bundle.citations) {
      const o = reanchor(text, c);
      assert.equal(o.status, 'anchored', c.quote);
      assert.equal(o.status === 'anchored' && o.method, 'offsets');
    }
  });

  it('follows a quote after an insertion before it (exact search), with fresh context', () => {
    const inserted = `Mise à jour : article corrigé le 14 janvier.\n\n${text}`;
    const o = reanchor(inserted, tokayev);
    assert.equal(o.status, 'moved');
    if (o.status !== 'moved') return;
    assert.equal(o.method, 'exact');
    assert.equal(o.anchor.start, tokayev.start + 46);
    assert.equal(inserted.slice(o.anchor.start, o.anchor.end), tokayev.quote);
    assert.equal(o.anchor.prefix, inserted.slice(o.anchor.start - o.anchor.prefix.length, o.anchor.start));
    assert.equal(o.quoteChanged, false);
  });

  it('follows a quote after a deletion before it', () => {
    const caption = 'US Rep. Ilhan Omar';
    const cut = text.indexOf(caption);
    const lineEnd = text.indexOf('\n', cut) + 1;
    const shorter = text.slice(0, cut) + text.slice(lineEnd);
    const every = bundle.citations.map((c) => reanchor(shorter, c));
    assert.deepEqual(countOutcomes(every), { anchored: every.filter((o) => o.status === 'anchored').length, moved: every.filter((o) => o.status === 'moved').length, orphaned: 0 });
    const o = reanchor(shorter, tokayev);
    assert.equal(o.status, 'moved');
    assert.equal(o.status === 'moved' && o.anchor.start, tokayev.start - (lineEnd - cut));
  });

  it('never points a changed quote at the new words: it becomes an orphan, with the closest passage as a suggestion', () => {
    const changed = text.replace('dans trois régions du Kazakhstan', 'dans quatre régions du Kazakhstan');
    const o = reanchor(changed, tokayev);
    assert.equal(o.status, 'orphaned');
    if (o.status !== 'orphaned') return;
    assert.match(o.candidate?.text ?? '', /quatre régions/);
  });

  it('orphans a quote that was removed altogether', () => {
    const removed = text.replace(tokayev.quote, '');
    assert.equal(reanchor(removed, tokayev).status, 'orphaned');
  });

  it('accepts typography-only changes through the fuzzy step and re-quotes the citation verbatim', () => {
    // The corrected capture has typographic apostrophes and a doubled space, and a line added above.
    const quote = "Le retrait des forces de maintien de la paix collectives de l'OTSC a déjà commencé aujourd'hui";
    const c = anchorAt(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
    const retyped = quote.replaceAll("'", '\u2019').replace('OTSC a déjà', 'OTSC  a déjà');
    const corrected = `Corrigé.\n${text.replace(quote, retyped)}`;
    assert.notEqual(retyped, quote);
    const o = reanchor(corrected, c);
    assert.equal(o.status, 'moved');
    if (o.status !== 'moved') return;
    assert.equal(o.method, 'fuzzy');
    assert.equal(o.quoteChanged, true);
    assert.equal(corrected.slice(o.anchor.start, o.anchor.end), o.anchor.quote);
    assert.ok(sameWords(o.anchor.quote, quote));
  });

  it('chooses among repeated quotes by prefix and suffix, not by the first occurrence', () => {
    const doc = 'Alpha says: the mission is over. Later, Beta says: the mission is over. End.';
    const second = doc.lastIndexOf('the mission is over');
    const a = anchorAt(doc, second, second + 'the mission is over'.length);
    // Text inserted before both: the old offset now falls on neither, context decides.
    const edited = `Preface. ${doc}`;
    const o = reanchor(edited, a);
    assert.equal(o.status, 'moved');
    assert.equal(o.status === 'moved' && o.anchor.start, edited.lastIndexOf('the mission is over'));
  });

  it('does not trust the old offsets alone once the context around them has changed', () => {
    const doc = 'X said: yes. Y said: yes.';
    const a = anchorAt(doc, doc.lastIndexOf('yes'), doc.lastIndexOf('yes') + 3);
    const o = reanchor('Y said: yes. X said: yes.', a);
    assert.ok(o.status !== 'orphaned' && o.method === 'exact', 'the context changed, so the offsets step must not decide');
  });

  it('tells typography from words', () => {
    assert.ok(sameWords('l’OTSC  a « déjà »', "l'OTSC a \"déjà\""));
    assert.ok(!sameWords('trois régions', 'quatre régions'));
    assert.ok(!sameWords('rapporté', 'rapporte'));
  });

  it('moves page-furniture spans with the text and drops those that are gone', () => {
    const source = bundle.sources[0]!;
    const edited = `Nouveau.\n${text.replace('Partager Cet Article', '')}`;
    const { kept, dropped } = reanchorSpans(text, edited, source.furniture);
    assert.equal(dropped.length, 1);
    assert.equal(dropped[0]!.reason, 'share button');
    const survivors = source.furniture.filter((f) => f.reason !== 'share button');
    assert.equal(kept.length, survivors.length);
    kept.forEach((f, i) => assert.equal(edited.slice(f.start, f.end), text.slice(survivors[i]!.start, survivors[i]!.end)));
  });
});
