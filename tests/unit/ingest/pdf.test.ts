import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { IngestInputError } from '../../../lib/ingest/errors';
import { prepareSource, propose } from '../../../lib/ingest/pipeline';
import { RulesExtractor } from '../../../lib/ingest/rules-extractor';
import { readInput } from '../../../lib/ingest/runner';
import { paragraphsOf, pdfToText } from '../../../lib/ingest/server/pdf';

// Fixtures written by tests/fixtures/ingest/make-test-pdf.py (a hand-built PDF: one font, two pages).
const FIXTURES = path.resolve(__dirname, '../../fixtures/ingest');
const bytes = (f: string) => new Uint8Array(readFileSync(path.join(FIXTURES, f)));
const refused = (code: string) => (e: unknown) => e instanceof IngestInputError && e.code === code;

describe('PDF uploads', () => {
  it('reads the text layer page by page, a heading apart, wrapped lines joined, accents intact', async () => {
    const pdf = await pdfToText(bytes('bulletin.pdf'));
    assert.equal(pdf.pages, 2);
    assert.equal(pdf.title, 'Tempête sur le port de Sète : les quais fermés');
    assert.deepEqual(pdf.text.split('\n\n'), [
      'Tempête sur le port de Sète : les quais fermés',
      'La capitainerie de Sète a fermé les quais mardi 4 février 2025 après une tempête. Selon des dockers, une grue aurait été endommagée.',
      'Le maire de Sète, Paul Verdier, a annoncé jeudi la réouverture partielle.',
    ]);
  });

  it('goes through the same pipeline as text: dated events with verbatim citations, the hedged one alleged', async () => {
    const input = await readInput({ kind: 'bytes', bytes: bytes('bulletin.pdf'), fileName: 'bulletin.pdf', contentType: 'application/pdf' });
    assert.equal(input.format, 'text');
    assert.ok(input.warnings.some((w) => /Read from a PDF \(2 page/.test(w)));
    const src = prepareSource({ raw: input.raw, format: input.format, meta: { published: '2025-02-07' } });
    assert.equal(src.meta.title, 'Tempête sur le port de Sète : les quais fermés');
    const doc = await propose(src, new RulesExtractor(), { caseId: 'pdf-test', entities: [], now: '2025-02-08T00:00:00.000Z' });
    const closed = doc.events.find((e) => e.citations[0]!.quote.startsWith('La capitainerie'));
    assert.equal(closed?.start, '2025-02-04');
    assert.equal(doc.events.find((e) => e.citations[0]!.quote.startsWith('Selon des dockers'))?.status, 'alleged');
    for (const e of doc.events) for (const c of e.citations) assert.equal(doc.source.text.slice(c.start, c.end), c.quote);
  });

  it('is bounded: pages beyond the cap are left with a warning; an exhausted time budget stops it', async () => {
    const one = await pdfToText(bytes('bulletin.pdf'), { maxPages: 1 });
    assert.equal(one.pages, 1);
    assert.ok(!one.text.includes('Paul Verdier'));
    assert.ok(one.warnings.some((w) => /only the first 1/.test(w)));
    let t = 0;
    await assert.rejects(pdfToText(bytes('bulletin.pdf'), { budgetMs: 5, now: () => (t += 10) }), refused('timeout'));
  });

  it('refuses a damaged PDF, a file named .pdf that is not one, and a PDF without a text layer, each clearly', async () => {
    const whole = bytes('bulletin.pdf');
    await assert.rejects(pdfToText(whole.subarray(0, 200)), refused('binary'));
    await assert.rejects(readInput({ kind: 'bytes', bytes: new TextEncoder().encode('just some words, not a PDF at all'), fileName: 'report.pdf' }), refused('binary'));
    await assert.rejects(readInput({ kind: 'bytes', bytes: bytes('blank.pdf'), fileName: 'scan.pdf' }), refused('no_text'));
    await assert.rejects(readInput({ kind: 'bytes', bytes: whole, fileName: 'slides.pptx' }), refused('unsupported_type'));
  });

  it('joins a word hyphenated at a line end, and starts a paragraph at a wider gap', () => {
    const item = (str: string, y: number) => ({ str, hasEOL: true, transform: [1, 0, 0, 1, 56, y] });
    const paras = paragraphsOf([item('Le gou-', 700), item('vernement a cédé, dit-on, après une', 686), item('longue nuit de discussions serrées.', 672), item('Un autre paragraphe commence ici, bien plus bas.', 640)]);
    assert.deepEqual(paras, ['Le gouvernement a cédé, dit-on, après une longue nuit de discussions serrées.', 'Un autre paragraphe commence ici, bien plus bas.']);
  });
});
