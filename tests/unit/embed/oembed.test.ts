import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OEmbedQuery, OEmbedRich, oembedDiscoveryHref, oembedResponse, parseOurUrl } from '../../../lib/embed/oembed';

const ORIGIN = 'https://tw.example';

describe('oEmbed provider', () => {
  it('recognises our case and embed URLs only', () => {
    assert.deepEqual(parseOurUrl('https://tw.example/cases/kazakhstan-2022-01', ORIGIN), { caseId: 'kazakhstan-2022-01', search: '' });
    assert.deepEqual(parseOurUrl('http://tw.example/embed/cases/kz/?view=graph', ORIGIN), { caseId: 'kz', search: '?view=graph' });
    assert.equal(parseOurUrl('https://elsewhere.example/cases/kz', ORIGIN), null);
    assert.equal(parseOurUrl('https://tw.example/sources/kz', ORIGIN), null);
    assert.equal(parseOurUrl('https://tw.example/cases/Not%20A%20Case', ORIGIN), null);
    assert.equal(parseOurUrl('javascript:alert(1)', ORIGIN), null);
    assert.equal(parseOurUrl('not a url', ORIGIN), null);
  });

  it('passes a published version through, from an embed URL or a case page URL', () => {
    assert.deepEqual(parseOurUrl('https://tw.example/embed/cases/kz?version=0123456789abcdef', ORIGIN), { caseId: 'kz', search: '?version=0123456789abcdef' });
    assert.deepEqual(parseOurUrl('https://tw.example/cases/kz?sel=evt_0123456789abcdef&version=0123456789abcdef', ORIGIN), { caseId: 'kz', search: '?version=0123456789abcdef' });
    assert.deepEqual(parseOurUrl('https://tw.example/cases/kz?version=HEAD', ORIGIN), { caseId: 'kz', search: '' });
    const r = oembedResponse({ origin: ORIGIN, caseId: 'kz', title: 't', search: '?version=0123456789abcdef' });
    assert.ok(r.html.includes('/embed/cases/kz?version=0123456789abcdef'));
  });

  it('answers a rich 1.0 response whose size honours maxwidth and maxheight', () => {
    const r = oembedResponse({ origin: ORIGIN, caseId: 'kz', title: 'Unrest "2022" <b>', maxwidth: 500 });
    assert.deepEqual(OEmbedRich.parse(r), r);
    assert.deepEqual([r.type, r.version, r.width, r.height], ['rich', '1.0', 500, 600]);
    assert.match(r.html, /^<iframe src="https:\/\/tw\.example\/embed\/cases\/kz" width="500" height="600" title="Unrest &quot;2022&quot; &lt;b&gt; — Timeweave"/);
    const small = oembedResponse({ origin: ORIGIN, caseId: 'kz', title: 't', maxwidth: 2000, maxheight: 300 });
    assert.deepEqual([small.width, small.height], [800, 300]);
  });

  it('validates its query', () => {
    assert.equal(OEmbedQuery.parse({ url: 'https://tw.example/cases/kz' }).format, 'json');
    assert.throws(() => OEmbedQuery.parse({}));
    assert.throws(() => OEmbedQuery.parse({ url: 'x', maxwidth: '-3' }));
    assert.throws(() => OEmbedQuery.parse({ url: 'x', format: 'yaml' }));
    assert.equal(OEmbedQuery.parse({ url: 'x', maxwidth: '320' }).maxwidth, 320);
  });

  it('makes the discovery href', () => {
    assert.equal(oembedDiscoveryHref(ORIGIN, 'https://tw.example/cases/kz'), 'https://tw.example/api/oembed?url=https%3A%2F%2Ftw.example%2Fcases%2Fkz&format=json');
  });
});
