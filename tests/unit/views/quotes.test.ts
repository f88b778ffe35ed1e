import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';
import { citedEvents } from '../../../lib/views/quotes';

const sample = readCaseFolder(SAMPLE_CASE_DIR);

describe('quotes for the text list of embeds and presentations', () => {
  const events = citedEvents(sample);
  const lab = events.find((e) => e.title.startsWith('Alleged attack on a US-linked'))!;

  it('gives every event its quotes, in the order they stand in the source', () => {
    assert.equal(events.length, sample.events.length);
    for (const e of events) assert.equal(e.quotes.length, sample.events.find((x) => x.id === e.id)!.citationIds.length);
    const starts = lab.quotes.map((q) => sample.citations.find((c) => c.id === q.id)!.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('says who speaks: the outlet once when it speaks for itself, the chain when it relays', () => {
    assert.equal(lab.quotes[0]!.attribution, 'Press TV (French service)');
    assert.ok(lab.quotes.some((q) => q.attribution === 'Press TV (French service) ← Alexander Kots'));
    assert.ok(lab.quotes.some((q) => q.stance === 'alleges' && q.hedges.length > 0));
    assert.equal(lab.quotes[0]!.publisher, 'Press TV (French service)');
  });
});
