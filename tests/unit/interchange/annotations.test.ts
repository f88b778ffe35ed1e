import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codePointOffset, toWebAnnotations } from '../../../lib/interchange/annotations';
import { sampleBundle } from './sample';

describe('citations as W3C Web Annotations', () => {
  const b = sampleBundle();
  const doc = toWebAnnotations(b, { baseUrl: 'https://tw.example/' });

  it('is an AnnotationCollection in the anno.jsonld context, one annotation per citation and item it supports', () => {
    assert.equal(doc['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(doc.type, 'AnnotationCollection');
    const expected =
      b.events.reduce((n, e) => n + e.citationIds.length, 0) +
      b.entities.reduce((n, e) => n + e.citationIds.length, 0) +
      b.relations.reduce((n, r) => n + r.citationIds.length, 0) +
      b.participations.reduce((n, p) => n + p.citationIds.length, 0);
    assert.equal(doc.total, expected);
    assert.equal(doc.first.items.length, expected);
    assert.equal(new Set(doc.first.items.map((a) => a.id)).size, expected, 'ids are unique');
  });

  it('targets the exact passage with both selectors, and credits who asserts it', () => {
    const sources = new Map(b.sources.map((s) => [s.id, s]));
    for (const a of doc.first.items) {
      assert.equal(a.type, 'Annotation');
      const [quote, position] = a.target.selector as [{ type: string; exact: string; prefix: string; suffix: string }, { type: string; start: number; end: number }];
      assert.equal(quote.type, 'TextQuoteSelector');
      assert.equal(position.type, 'TextPositionSelector');
      const src = sources.get(a.target.source.id.split('/').pop()!)!;
      const cps = [...src.text];
      assert.equal(cps.slice(position.start, position.end).join(''), quote.exact);
      assert.ok(src.text.includes(quote.prefix + quote.exact + quote.suffix));
      assert.ok(a.creator.name.length > 0);
      assert.equal(a.body[0]!.type, 'SpecificResource');
    }
    const zas = doc.first.items.find((a) => a.creator.name === 'Stanislav Zas')!;
    assert.equal(zas.creator.type, 'Person');
    assert.ok(zas.body[0]!.source!.id.startsWith('https://tw.example/api/'));
  });

  it('counts selector positions in code points, not UTF-16 units', () => {
    assert.equal(codePointOffset('a🚀b', 3), 2);
    assert.equal(codePointOffset('abc', 2), 2);
  });
});
