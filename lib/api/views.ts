import { z } from 'zod';
import { Case } from '../model/case';
import { Asserter, Citation } from '../model/citation';
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
});
export type EventListItem = z.infer<typeof EventListItem>;

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
    source: SourceSummary.pick({ id: true, title: true, publisher: true, published: true, url: true, reliabilityNote: true }),
  }),
);
export type CitationView = z.infer<typeof CitationView>;

export const EntityRef = z.object({ id: z.string(), name: z.string(), type: EntityType });
export type EntityRef = z.infer<typeof EntityRef>;

export const EventDetail = Event.and(
  z.object({
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

export const SourceDetail = Source.and(z.object({ citations: z.array(Citation) }));
export type SourceDetail = z.infer<typeof SourceDetail>;

export const Health = z.object({
  app: z.literal('ok'),
  neo4j: z.object({ status: z.enum(['up', 'down']), message: z.string().nullable(), latencyMs: z.number().nullable() }),
});
export type Health = z.infer<typeof Health>;

export const ApiError = z.object({ error: z.string(), message: z.string(), details: z.unknown().optional() });
export type ApiError = z.infer<typeof ApiError>;

export { Asserter };
