import '../zod';
import { z } from 'zod';
import { ID_PATTERN } from './ids';
import { AsserterKind, Stance } from './vocab';

export const CitationId = z.string().regex(ID_PATTERN, 'not a citation id').startsWith('cit_');

/** Who a statement is attributed to, as the source words it. */
export const Asserter = z.object({
  kind: AsserterKind,
  /** As the source names them ("Stanislav Zas", "Avia.pro", "certaines sources"). */
  name: z.string().min(1).max(200),
  /** The case entity this asserter resolves to, when there is one. */
  entityId: z.string().regex(ID_PATTERN).nullable(),
});
export type Asserter = z.infer<typeof Asserter>;

/**
 * The exact words that support a statement, anchored the way W3C Web Annotation does it: a
 * TextQuoteSelector (quote, prefix, suffix) and a TextPositionSelector (start, end), both over the
 * stored source text. Invariant: source.text.slice(start, end) === quote, unless `orphaned`.
 */
export const Citation = z
  .object({
    id: CitationId,
    caseId: z.string(),
    sourceId: z.string().regex(ID_PATTERN).startsWith('src_'),
    quote: z.string().min(1).max(5000),
    prefix: z.string().max(64),
    suffix: z.string().max(64),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    /** Language of the quote (BCP 47). */
    language: z.string().min(2).max(35),
    /** English rendering in the curator's own words; null when the quote is English. */
    translation: z.string().max(5000).nullable(),
    /** The voice the statement is finally attributed to. */
    assertedBy: Asserter,
    /**
     * Intermediaries between the source's publisher and the asserter, outermost first. Press TV
     * quoting Zas's words to Interfax: via = [Interfax]. Empty when the outlet speaks for itself or
     * quotes the asserter directly.
     */
    via: z.array(Asserter).max(10),
    stance: Stance,
    /** Hedging words found in the quote ("aurait", "selon", "reportedly"): a signal, not decoration. */
    hedges: z.array(z.string().min(1).max(60)).max(20),
    /**
     * True when the source's text was replaced and the quote could not be re-anchored in it
     * (lib/provenance/reanchor.ts). An orphan keeps its last quote, context and offsets so it can be
     * listed and judged, but those offsets no longer describe the stored text: never highlight them.
     */
    orphaned: z.boolean().default(false),
  })
  .refine((c) => c.end - c.start === c.quote.length, {
    message: 'end - start must equal the quote length',
    path: ['end'],
  });
export type Citation = z.infer<typeof Citation>;

/** "Press TV ← Interfax ← Stanislav Zas": who relays whom, publisher first. */
export function attributionChain(publisher: string, c: Pick<Citation, 'assertedBy' | 'via'>): string[] {
  return attributionLinks({ publisher, publisherEntityId: null }, c).map((l) => l.name);
}

/** One link of an attribution chain. */
export const AttributionLink = z.object({
  /** publisher: the source's outlet; relay: an intermediary it quotes; origin: the voice finally speaking. */
  role: z.enum(['publisher', 'relay', 'origin']),
  name: z.string(),
  /** null for the publisher (an outlet by definition). */
  kind: AsserterKind.nullable(),
  entityId: z.string().nullable(),
});
export type AttributionLink = z.infer<typeof AttributionLink>;

/**
 * The chain from the publisher to the voice finally speaking: Press TV ← Avia.pro ← unnamed
 * sources; Press TV ← Interfax ← Stanislav Zas. When the outlet speaks in its own voice (the
 * asserter is the publisher, by entity or by name) the chain is the publisher alone, with role
 * `origin` folded into it.
 */
export function attributionLinks(
  source: { publisher: string; publisherEntityId: string | null },
  c: Pick<Citation, 'assertedBy' | 'via'>,
): AttributionLink[] {
  const links: AttributionLink[] = [{ role: 'publisher', name: source.publisher, kind: null, entityId: source.publisherEntityId }];
  for (const v of c.via) links.push({ role: 'relay', name: v.name, kind: v.kind, entityId: v.entityId });
  const ownVoice =
    c.via.length === 0 &&
    ((source.publisherEntityId !== null && c.assertedBy.entityId === source.publisherEntityId) || c.assertedBy.name === source.publisher);
  if (!ownVoice) links.push({ role: 'origin', name: c.assertedBy.name, kind: c.assertedBy.kind, entityId: c.assertedBy.entityId });
  return links;
}
