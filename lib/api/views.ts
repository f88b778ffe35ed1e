import '../zod';
import { z } from 'zod';
import { Case } from '../model/case';
import { Asserter, AttributionLink, Citation } from '../model/citation';
import { Alias, Entity } from '../model/entity';
import { Event } from '../model/event';
import { PartialDate } from '../model/partial-date';
import { Source, SourceSummary } from '../model/source';
import { EntityType, EventKind, EventStatus, Precision, RelationType } from '../model/vocab';

/**
 * The shapes the read API answers with and the UI consumes. One definition: route handlers parse
 * their output with these in tests, the UI types its props with them.
 */

export const CaseSummary = Case.extend({
  eventCount: z.number().int(),
  entityCount: z.number().int(),
  sourceCount: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** An event as the timeline needs it. Field names are part of the public API. */
export const EventListItem = z.object({
  id: z.string(),
  title: z.string(),
  kind: EventKind,
  start: PartialDate,
  end: PartialDate.nullable(),
  precision: Precision,
  endPrecision: Precision.nullable(),
  approximate: z.boolean(),
  endApproximate: z.boolean(),
  timeZone: z.string().nullable(),
  status: EventStatus,
  citationCount: z.number().int(),
  /** Entities taking part, for linking the timeline to the graph. */
  participantIds: z.array(z.string()),
  /** Sources quoted by the citations behind the event, for the source and publisher filters. */
  sourceIds: z.array(z.string()),
});
export type EventListItem = z.infer<typeof EventListItem>;

/** One page of `GET /api/cases/{caseId}/events`; `nextCursor` is null on the last page. */
export const EventPage = z.object({
  events: z.array(EventListItem),
  nextCursor: z.string().nullable(),
});
export type EventPage = z.infer<typeof EventPage>;

export const GraphNode = z.object({
  id: z.string(),
  type: EntityType,
  name: z.string(),
  aliases: z.array(Alias),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.object({
  id: z.string(),
  type: RelationType,
  source: z.string(),
  target: z.string(),
  validFrom: PartialDate.nullable(),
  validTo: PartialDate.nullable(),
  citationCount: z.number().int(),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

export const GraphParticipation = z.object({
  id: z.string(),
  eventId: z.string(),
  entityId: z.string(),
  role: z.string(),
});
export type GraphParticipation = z.infer<typeof GraphParticipation>;

/** `GET /api/cases/{id}/graph`: entities, their relationships, and who took part in which event. */
export const CaseGraph = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  participations: z.array(GraphParticipation),
});
export type CaseGraph = z.infer<typeof CaseGraph>;

/** `GET /api/entities/{id}/neighbourhood?hops=1|2`: what lies within that many steps of an entity. */
export const Neighbourhood = z.object({
  centre: z.string(),
  hops: z.union([z.literal(1), z.literal(2)]),
  graph: CaseGraph,
  /** Events within reach (an event is one step from each of its participants). */
  eventIds: z.array(z.string()),
  /** The most entities and events (besides the centre) the answer could hold. */
  limit: z.number().int().positive(),
  /** True when more lay within reach than `limit`: the nearest were kept (then by id). */
  truncated: z.boolean(),
});
export type Neighbourhood = z.infer<typeof Neighbourhood>;

/** Everything the case page needs on first load. */
export const CaseView = z.object({
  case: CaseSummary,
  events: z.array(EventListItem),
  graph: CaseGraph,
  sources: z.array(SourceSummary),
});
export type CaseView = z.infer<typeof CaseView>;

/** A citation with what a reader needs to judge it: the source it is in, and who speaks. */
export const CitationView = Citation.and(
  z.object({
    source: SourceSummary.pick({ id: true, title: true, publisher: true, publisherEntityId: true, published: true, url: true, reliabilityNote: true }),
    /** Who relays whom, publisher first: Press TV ← Interfax ← Stanislav Zas (lib/model/citation.ts attributionLinks). */
    attribution: z.array(AttributionLink),
  }),
);
export type CitationView = z.infer<typeof CitationView>;

export const EntityRef = z.object({ id: z.string(), name: z.string(), type: EntityType });
export type EntityRef = z.infer<typeof EntityRef>;

export const EventDetail = Event.and(
  z.object({
    /** What lib/provenance/status-rules.ts derives from the anchored citations; null when none anchors any more. */
    derivedStatus: EventStatus.nullable(),
    /** The rule that decided `derivedStatus`, in words. */
    derivedRule: z.string(),
    /** `editor` when an editor set `status` (its reason is `statusReason`), `rules` when it follows them. */
    statusSetBy: z.enum(['rules', 'editor']),
    /** Incremented on every status change; send it back as `expectedVersion` to avoid overwriting someone else's. */
    version: z.number().int().nonnegative(),
    citations: z.array(CitationView),
    participants: z.array(
      z.object({ entity: EntityRef, role: z.string(), citations: z.array(CitationView) }),
    ),
  }),
);
export type EventDetail = z.infer<typeof EventDetail>;

export const RelationView = z.object({
  id: z.string(),
  type: RelationType,
  from: EntityRef,
  to: EntityRef,
  validFrom: PartialDate.nullable(),
  validTo: PartialDate.nullable(),
  citations: z.array(CitationView),
});
export type RelationView = z.infer<typeof RelationView>;

export const EntityDetail = Entity.and(
  z.object({
    citations: z.array(CitationView),
    events: z.array(z.object({ id: z.string(), title: z.string(), start: PartialDate, status: EventStatus, role: z.string() })),
    relations: z.array(RelationView),
  }),
);
export type EntityDetail = z.infer<typeof EntityDetail>;

/** What one citation supports, for the source reader: every event, entity, participation and relationship. */
export const CitationSupports = z.object({
  events: z.array(z.object({ id: z.string(), caseId: z.string(), title: z.string(), status: EventStatus })),
  entities: z.array(z.object({ id: z.string(), caseId: z.string(), name: z.string(), type: EntityType })),
  participations: z.array(z.object({ eventId: z.string(), eventTitle: z.string(), entityId: z.string(), entityName: z.string(), role: z.string() })),
  relations: z.array(z.object({ id: z.string(), type: RelationType, from: EntityRef, to: EntityRef })),
});
export type CitationSupports = z.infer<typeof CitationSupports>;

/**
 * `GET /api/sources/{id}`: the stored text and every citation in it, with its attribution chain and
 * what it supports. Orphaned citations (`orphaned: true`) are listed too; their offsets are stale.
 */
export const SourceDetail = Source.and(
  z.object({ citations: z.array(Citation.and(z.object({ attribution: z.array(AttributionLink), supports: CitationSupports }))) }),
);
export type SourceDetail = z.infer<typeof SourceDetail>;

/** One hit of `GET /api/search`. */
export const SearchHit = z.object({
  kind: z.enum(['entity', 'event', 'citation']),
  id: z.string(),
  /** Entity name, event title, or the quote of a citation. */
  label: z.string(),
  /** What it is, in words: "Organisation", "Meeting", "Quote in <source title>". */
  what: z.string(),
  /** Where the words matched; `match` is the matched word's range in it, for highlighting. */
  snippet: z.string().nullable(),
  match: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  score: z.number(),
  /** What selecting the hit selects: the item itself, or the event or entity a citation supports. */
  target: z.object({ kind: z.enum(['event', 'entity']), id: z.string() }).nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z.object({ query: z.string(), hits: z.array(SearchHit) });
export type SearchResults = z.infer<typeof SearchResults>;

export const Health = z.object({
  app: z.literal('ok'),
  neo4j: z.object({ status: z.enum(['up', 'down']), message: z.string().nullable(), latencyMs: z.number().nullable() }),
});
export type Health = z.infer<typeof Health>;

export const ApiError = z.object({ error: z.string(), message: z.string(), details: z.unknown().optional() });
export type ApiError = z.infer<typeof ApiError>;

export { Asserter };
