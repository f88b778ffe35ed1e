import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IngestInputError } from '../../../lib/ingest/errors';
import { prepareSource, propose } from '../../../lib/ingest/pipeline';
import { ProposalsDocument } from '../../../lib/ingest/proposals.schema';
import { RulesExtractor } from '../../../lib/ingest/rules-extractor';

/**
 * Generated articles thrown at the whole ingest pipeline (clean → … → proposals): each ends in a
 * valid proposals document whose quotes stand verbatim in the text, or in an IngestInputError with
 * a message. Nothing else (no TypeError, no RangeError, no hang). Seeded, shrinking.
 */
const SEED = 20220105;
const extractor = new RulesExtractor();

const fragment = fc.oneof(
  fc.constantFrom(
    'Le 5 janvier 2022, des manifestants ont pris d’assaut la mairie d’Almaty.',
    'Selon des sources anonymes, des armes auraient disparu lundi soir.',
    "L'OTSC a annoncé mercredi 12 janvier le début du retrait, pendant dix jours.",
    'On Monday, the ministry denied the reports, according to people familiar with the matter.',
    'Tokaïev a rencontré Zas vers 19 h 50.',
    '<script>alert(1)</script>',
    '<nav><a href="/">Accueil</a> / <a>Infos</a></nav>',
    '<p>Lire plus</p><figure><figcaption>AFP</figcaption></figure>',
    '<meta property="article:published_time" content="2022-01-13T10:00:00Z">',
    '\u0000\u0001\ufffd',
    '\ud800',
    '2022-13-45 99:99',
  ),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const article = fc.array(fragment, { minLength: 0, maxLength: 12 }).map((parts) => parts.join(' '));
const format = fc.constantFrom('text' as const, 'markdown' as const, 'html' as const);
const published = fc.option(fc.constantFrom('2022-01-13', '2022-01', '2022', '1999-12-31'), { nil: undefined });

describe('fuzzing the ingest pipeline', { timeout: 300_000 }, () => {
  it('1,500 generated articles: proposals with verbatim quotes, or a clear input error', async () => {
    await fc.assert(
      fc.asyncProperty(article, format, published, async (raw, fmt, date) => {
        try {
          const src = prepareSource({ raw, format: fmt, ...(date ? { meta: { published: date } } : {}) });
          const doc = await propose(src, extractor, { caseId: 'fuzz-case', entities: [], now: '2022-02-01T00:00:00Z' });
          ProposalsDocument.parse(doc);
          const quoted = [...doc.events.flatMap((e) => e.citations), ...doc.entities.flatMap((e) => (e.citation ? [e.citation] : []))];
          for (const c of quoted) {
            assert.equal(doc.source.text.slice(c.start, c.end), c.quote);
          }
        } catch (e) {
          assert.ok(e instanceof IngestInputError, `not an IngestInputError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
          assert.ok(e.message.length > 0);
        }
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});
