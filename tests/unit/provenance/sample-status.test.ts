import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveStatusOf } from '../../../lib/provenance/status-rules';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';

/** The status rules over the curated case, without a database (the integration test does it through Neo4j). */
const bundle = readCaseFolder(SAMPLE_CASE_DIR);
const publisher = bundle.sources[0]!.publisher;
const event = (fragment: string) => bundle.events.find((e) => e.title.includes(fragment))!;
const derived = (fragment: string) =>
  deriveStatusOf(event(fragment).citationIds.map((id) => ({ ...bundle.citations.find((c) => c.id === id)!, publisher })))!;

describe('status rules over the sample case', () => {
  it('derives "alleged" for every laboratory incident', () => {
    for (const e of bundle.events.filter((x) => x.title.toLowerCase().includes('laborator') && !x.title.startsWith('Headline'))) {
      assert.equal(derived(e.title).status, 'alleged', e.title);
    }
  });

  it('derives "reported" for the withdrawal announcement, made by a named official (Zas) via Interfax', () => {
    assert.equal(derived('Zas tells Interfax').status, 'reported');
    assert.equal(derived('CSTO peacekeepers withdraw').status, 'reported');
    const c = bundle.citations.find((x) => x.id === event('Zas tells Interfax').citationIds[0])!;
    assert.equal(c.assertedBy.kind, 'person');
    assert.deepEqual(c.via.map((v) => v.name), ['Interfax']);
  });

  it('keeps the headline claim its own claim: not merged, alleged by the curator against the rules, with a reason', () => {
    const headline = event('Headline claim');
    assert.equal(headline.kind, 'claim');
    assert.equal(headline.status, 'alleged');
    assert.equal(derived('Headline claim').status, 'reported', 'the rules alone would say reported: hence the kept reason');
    assert.ok(headline.statusReason);
    const others = bundle.events.filter((e) => e.id !== headline.id);
    for (const id of headline.citationIds) assert.ok(!others.some((e) => e.citationIds.includes(id)), 'the headline’s words support nothing else');
    const missing = event('Equipment and materials said to be missing');
    assert.ok(!missing.citationIds.some((id) => headline.citationIds.includes(id)));
  });
});
