import '../zod';
import { z } from 'zod';
import { CaseId } from '../model/case';
import { Asserter } from '../model/citation';
import { PartialDate, TimeZone } from '../model/partial-date';
import { FurnitureSpan } from '../model/source';
import { EntityType, EventKind, EventStatus, Precision, RelationType, Stance } from '../model/vocab';

/**
 * The proposals document: what the pipeline read in one article, for a person to review. It
 * travels to the browser and back (or to a file and back for the CLI), so the commit trusts none
 * of it: the text is re-hashed, every quote re-checked at its offsets, every link re-resolved.
 */
export const PROPOSALS_FORMAT = 'timeweave.ingest-proposals';
export const MAX_PROPOSALS = 500;

/** Source metadata, editable in review. */
export const SourceMeta = z.object({
  title: z.string().trim().min(1, 'a title is required').max(500),
  publisher: z.string().trim().min(1, 'a publisher is required').max(200),
  author: z.string().trim().max(200).nullable(),
  url: z.url().nullable(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as fr or en'),
  published: PartialDate.nullable(),
  /** The zone local times in the article are in, when known (Asia/Almaty). */
  timeZone: TimeZone.nullable(),
});
export type SourceMeta = z.infer<typeof SourceMeta>;

export const ProposedCitation = z.object({
  quote: z.string().min(1).max(5000),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  prefix: z.string().max(64),
  suffix: z.string().max(64),
  assertedBy: Asserter,
  via: z.array(Asserter).max(10),
  stance: Stance,
  hedges: z.array(z.string().min(1).max(60)).max(20),
});
export type ProposedCitation = z.infer<typeof ProposedCitation>;

const Key = z.string().regex(/^[a-z0-9][a-z0-9:_-]{0,120}$/);

export const EntityProposal = z.object({
  key: Key,
  /** link: an existing entity of the case; create: a new one. */
  action: z.enum(['link', 'create']),
  /** For link: the existing entity; for create: the id it will get. */
  entityId: z.string().regex(/^ent_[0-9a-f]{16}$/),
  type: EntityType,
  name: z.string().min(1).max(200),
  /** Names as written in this article (become aliases of a new entity; new spellings of a linked one). */
  mentions: z.array(z.object({ text: z.string().min(1).max(200), start: z.number().int().nonnegative(), end: z.number().int().positive() })).max(200),
  how: z.enum(['name', 'alias', 'spelling', 'acronym', 'surname', 'new', 'extractor']),
  /** The first passage that mentions it. */
  citation: ProposedCitation.nullable(),
});
export type EntityProposal = z.infer<typeof EntityProposal>;

export const EventProposal = z.object({
  key: Key,
  title: z.string().min(1).max(300),
  description: z.string().max(5000),
  kind: EventKind,
  start: PartialDate,
  precision: Precision,
  approximate: z.boolean(),
  end: PartialDate.nullable(),
  endPrecision: Precision.nullable(),
  endApproximate: z.boolean(),
  timeZone: TimeZone.nullable(),
  /** The words the date was read from; empty when it was carried over or defaulted. */
  dateEvidence: z.array(z.string()).max(10),
  dateBasis: z.enum(['sentence', 'context', 'publication', 'extractor']),
  status: EventStatus,
  statusRule: z.string().max(500),
  citations: z.array(ProposedCitation).min(1).max(20),
  participants: z.array(z.object({ entityKey: Key, role: z.string().min(1).max(60) })).max(50),
  /** 0-1: how sure the extractor is this is an event; the review list is ordered by text position, not this. */
  confidence: z.number().min(0).max(1),
});
export type EventProposal = z.infer<typeof EventProposal>;

/** A relationship between two proposed entities (by their keys), read from one sentence. */
export const RelationProposal = z.object({
  key: Key,
  type: RelationType,
  fromKey: Key,
  toKey: Key,
  /** The words between the names that made the rule fire ("chef du"), for the reviewer. */
  cue: z.string().min(1).max(200),
  citation: ProposedCitation,
});
export type RelationProposal = z.infer<typeof RelationProposal>;

export const ProposalsDocument = z.object({
  format: z.literal(PROPOSALS_FORMAT),
  version: z.literal(1),
  caseId: CaseId,
  extractor: z.string().min(1).max(100),
  createdAt: z.iso.datetime(),
  source: z.object({
    meta: SourceMeta,
    text: z.string().min(1).max(400_000),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    furniture: z.array(FurnitureSpan).max(2000),
    format: z.enum(['html', 'text', 'markdown']),
  }),
  /** Set when the case already has a source with this content hash: committing changes nothing. */
  alreadyIngested: z.object({ sourceId: z.string() }).nullable(),
  warnings: z.array(z.string().max(500)).max(50),
  entities: z.array(EntityProposal).max(MAX_PROPOSALS),
  events: z.array(EventProposal).max(MAX_PROPOSALS),
  /** Absent in documents read before relationships were proposed: none, then. */
  relations: z.array(RelationProposal).max(MAX_PROPOSALS).default([]),
});
export type ProposalsDocument = z.infer<typeof ProposalsDocument>;

/** A reviewer's decision on one event; edits are optional overrides of the proposal. */
export const EventDecision = z.object({
  key: Key,
  decision: z.enum(['accept', 'reject']),
  title: z.string().trim().min(1).max(300).optional(),
  kind: EventKind.optional(),
  start: PartialDate.optional(),
  end: PartialDate.nullable().optional(),
  approximate: z.boolean().optional(),
  /** One article never confirms anything: the status can be lowered or set to denied/disputed, not raised to confirmed. */
  status: EventStatus.exclude(['confirmed']).optional(),
  statusReason: z.string().trim().min(1).max(2000).optional(),
});
export type EventDecision = z.infer<typeof EventDecision>;

export const EntityDecision = z.object({
  key: Key,
  decision: z.enum(['accept', 'reject', 'merge']),
  /** For merge: the existing entity this proposal is the same as. */
  mergeInto: z.string().regex(/^ent_[0-9a-f]{16}$/).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  type: EntityType.optional(),
});
export type EntityDecision = z.infer<typeof EntityDecision>;

export const RelationDecision = z.object({
  key: Key,
  decision: z.enum(['accept', 'reject']),
});
export type RelationDecision = z.infer<typeof RelationDecision>;

export const ReviewDecisions = z.object({
  meta: SourceMeta.partial().optional(),
  /** Missing keys are rejected: nothing reaches the graph without a decision. */
  events: z.array(EventDecision).max(MAX_PROPOSALS),
  entities: z.array(EntityDecision).max(MAX_PROPOSALS),
  relations: z.array(RelationDecision).max(MAX_PROPOSALS).default([]),
});
export type ReviewDecisions = z.infer<typeof ReviewDecisions>;

export const CommitRequest = z.object({ document: ProposalsDocument, decisions: ReviewDecisions });
export type CommitRequest = z.infer<typeof CommitRequest>;

/** Accept everything as proposed (the CLI's --auto-accept). */
export function acceptAll(doc: ProposalsDocument): ReviewDecisions {
  return {
    events: doc.events.map((e) => ({ key: e.key, decision: 'accept' as const })),
    entities: doc.entities.map((e) => ({ key: e.key, decision: 'accept' as const })),
    relations: doc.relations.map((r) => ({ key: r.key, decision: 'accept' as const })),
  };
}
