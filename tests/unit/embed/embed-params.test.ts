import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_FILTERS } from '../../../lib/filters';
import { DEFAULT_EMBED_PARAMS, decodeEmbedParams, embedIframeHtml, encodeEmbedParams, type EmbedParams } from '../../../lib/embed/embed-params';

const full: EmbedParams = {
  view: 'timeline',
  focus: { kind: 'event', id: 'evt_0123456789abcdef' },
  window: { start: '2022-01-10T00:00', end: '2022-01-17T00:00' },
  filters: { ...NO_FILTERS, statuses: ['alleged'] },
  version: '0123456789abcdef',
};

describe('embed URL parameters', () => {
  it('round-trip', () => {
    assert.deepEqual(decodeEmbedParams(encodeEmbedParams(full)), full);
  });
  it('leave defaults out', () => {
    assert.equal(encodeEmbedParams(DEFAULT_EMBED_PARAMS), '');
    assert.deepEqual(decodeEmbedParams(''), DEFAULT_EMBED_PARAMS);
  });
  it('drop what they do not understand instead of failing', () => {
    const p = decodeEmbedParams('view=map&focus=../etc&from=yesterday&to=2022-01-01T00:00&hideStatus=maybe&version=HEAD&sel=evt_0123456789abcdef');
    assert.deepEqual(p, DEFAULT_EMBED_PARAMS);
  });
  it('use the case page window and filter names', () => {
    assert.equal(encodeEmbedParams(full), 'view=timeline&focus=evt_0123456789abcdef&from=2022-01-10T00%3A00&to=2022-01-17T00%3A00&hideStatus=alleged&version=0123456789abcdef');
  });
  it('escape the iframe attributes', () => {
    const html = embedIframeHtml('https://x.test/embed/cases/a?b=1&c=2', 'A "quoted" <title>');
    assert.match(html, /src="https:\/\/x\.test\/embed\/cases\/a\?b=1&amp;c=2"/);
    assert.match(html, /title="A &quot;quoted&quot; &lt;title&gt;"/);
  });
});
