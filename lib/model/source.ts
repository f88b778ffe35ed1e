import '../zod';
import { z } from 'zod';
import { ID_PATTERN } from './ids';
import { PartialDate } from './partial-date';

export const SourceId = z.string().regex(ID_PATTERN, 'not a source id').startsWith('src_');

/**
 * A stretch of the captured page that is not the article (navigation, share buttons, "Lire plus"
 * links, an unrelated photo caption). Kept so offsets stay true to the capture, but never evidence.
 */
export const FurnitureSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  reason: z.string().min(1).max(200),
});
export type FurnitureSpan = z.infer<typeof FurnitureSpan>;

export const Source = z.object({
  id: SourceId,
  caseId: z.string(),
  title: z.string().min(1).max(500),
  publisher: z.string().min(1).max(200),
  /** The case entity of the publishing outlet, when there is one: lets a citation tell the outlet's own voice from what it relays. */
  publisherEntityId: z.string().regex(ID_PATTERN).startsWith('ent_').nullable().default(null),
  author: z.string().max(200).nullable(),
  // http(s) only: the reader renders it as a link, and a javascript: URL would be a script.
  url: z.url({ protocol: /^https?$/ }).nullable(),
  /** BCP 47 language tag of the text, e.g. `fr`. */
  language: z.string().min(2).max(35),
  published: PartialDate.nullable(),
  /** When the text was captured, ISO date. */
  retrieved: z.iso.date().nullable(),
  /** The stored text. Citation offsets are UTF-16 code-unit indices into it (JS string indices). */
  text: z.string().min(1),
  /** sha256 of `text`, hex. A new hash means a new version of the text. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  reliabilityNote: z.string().max(1000).nullable(),
  furniture: z.array(FurnitureSpan),
});
export type Source = z.infer<typeof Source>;

/** What lists and details show of a source: everything but the full text. */
export const SourceSummary = Source.omit({ text: true, furniture: true });
export type SourceSummary = z.infer<typeof SourceSummary>;
