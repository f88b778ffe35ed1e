import '../zod';
import { z } from 'zod';
import { Alias } from '../model/entity';
import { PartialDate, TimeZone } from '../model/partial-date';
import { AsserterKind, EntityType, EventKind, EventStatus, RelationType, Stance } from '../model/vocab';
import { CaseId } from '../model/case';

/**
 * The hand-curated form of a case: records refer to each other by human keys, quotes are given as
 * text only (the compiler finds their offsets), ids are derived. Written by people, so strict:
 * unknown fields are errors, not silently dropped.
 */
const Key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'keys are lowercase-kebab');

const AsserterSpec = z.strictObject({
  kind: AsserterKind,
  name: z.string().min(1),
  /** Key of the entity this asserter is. */
  entity: Key.optional(),
});

const QuoteRef = {
  quote: z.string().min(1),
  /** Which occurrence, 1-based, when the quote appears more than once in the text. */
  occurrence: z.number().int().positive().optional(),
};

export const CitationSpec = z.strictObject({
  key: Key,
  source: Key,
  ...QuoteRef,
  translation: z.string().min(1).nullable(),
  assertedBy: AsserterSpec,
  via: z.array(AsserterSpec).default([]),
  stance: Stance,
  /** Overrides the detected hedge markers, when the lexicon gets a passage wrong. */
  hedges: z.array(z.string()).optional(),
});

export const SourceSpec = z.strictObject({
  key: Key,
  /** File name under the case folder's `sources/`. */
  file: z.string().regex(/^[\w.-]+\.txt$/),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** Key of the publishing outlet's entity, so its own voice is told apart from what it relays. */
  publisherEntity: Key.optional(),
  author: z.string().nullable(),
  // http(s) only: the reader renders it as a link, and a javascript: URL would be a script.
  url: z.url({ protocol: /^https?$/ }).nullable(),
  language: z.string().min(2),
  published: PartialDate.nullable(),
  retrieved: z.iso.date().nullable(),
  reliabilityNote: z.string().nullable(),
  furniture: z.array(z.strictObject({ ...QuoteRef, reason: z.string().min(1) })).default([]),
});

export const EntitySpec = z.strictObject({
  key: Key,
  type: EntityType,
  name: z.string().min(1),
  aliases: z.array(Alias.extend({ lang: z.string().min(2).nullable().default(null) })).default([]),
  description: z.string().nullable().default(null),
  citations: z.array(Key).default([]),
});

export const EventSpec = z.strictObject({
  key: Key,
  title: z.string().min(1),
  description: z.string(),
  kind: EventKind,
  start: PartialDate,
  approximate: z.boolean().default(false),
  end: PartialDate.nullable().default(null),
  endApproximate: z.boolean().default(false),
  timeZone: TimeZone.nullable().default(null),
  status: EventStatus,
  statusReason: z.string().min(1).nullable().default(null),
  citations: z.array(Key).min(1, 'every event needs at least one citation'),
  participants: z
    .array(z.strictObject({ entity: Key, role: z.string().min(1), citations: z.array(Key).min(1) }))
    .default([]),
});

export const RelationSpec = z.strictObject({
  type: RelationType,
  from: Key,
  to: Key,
  validFrom: PartialDate.nullable().default(null),
  validTo: PartialDate.nullable().default(null),
  citations: z.array(Key).min(1, 'every relationship needs at least one citation'),
});

export const CaseFile = z.strictObject({
  case: z.strictObject({ id: CaseId, title: z.string().min(1), summary: z.string() }),
  sources: z.array(SourceSpec).min(1),
  citations: z.array(CitationSpec),
  entities: z.array(EntitySpec),
  events: z.array(EventSpec),
  relations: z.array(RelationSpec).default([]),
});
export type CaseFile = z.infer<typeof CaseFile>;
export type CaseFileInput = z.input<typeof CaseFile>;
