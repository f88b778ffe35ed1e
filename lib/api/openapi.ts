import { z } from 'zod';
import { ApiError, CaseGraph, CaseSummary, EntityDetail, EventDetail, EventListItem, Health, SourceDetail } from './views';

/**
 * The OpenAPI 3.1 document of the read API, generated from the same zod schemas the handlers and
 * the UI use, so the document cannot drift from the code.
 */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any', io: 'output' });

const ok = (description: string, ref: string, array = false) => ({
  description,
  content: { 'application/json': { schema: array ? { type: 'array', items: { $ref: ref } } : { $ref: ref } } },
});
const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });
const windowParams = [
  { name: 'from', in: 'query', required: false, description: 'Start of the window: YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 instant with offset.', schema: { type: 'string' } },
  { name: 'to', in: 'query', required: false, description: 'End of the window (a partial date is inclusive: to=2022-01-13 covers that day).', schema: { type: 'string' } },
];
const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });

export function openApiDocument(serverUrl?: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Timeweave read API',
      version: '1.0.0',
      description:
        'Events, entities, relationships and the citations behind them. Every event and relationship carries at least one citation: the exact quote, its offsets in the stored source text, who asserts it and with what stance.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths: {
      '/api/health': {
        get: { summary: 'App and Neo4j status', responses: { 200: ok('Neo4j is up', '#/components/schemas/Health'), 503: ok('Neo4j is down', '#/components/schemas/Health') } },
      },
      '/api/cases': {
        get: { summary: 'List cases', responses: { 200: ok('Cases', '#/components/schemas/CaseSummary', true), 503: err('Database unavailable') } },
      },
      '/api/cases/{caseId}/events': {
        get: {
          summary: "A case's events overlapping an optional time window, in time order",
          parameters: [pathParam('caseId', 'Case id (a slug)'), ...windowParams],
          responses: { 200: ok('Events', '#/components/schemas/EventListItem', true), 400: err('Bad parameters'), 404: err('No such case'), 503: err('Database unavailable') },
        },
      },
      '/api/cases/{caseId}/graph': {
        get: {
          summary: 'Entities and relationships of a case; with a window, only what is valid in it',
          parameters: [pathParam('caseId', 'Case id (a slug)'), ...windowParams],
          responses: { 200: ok('Nodes, edges and participations', '#/components/schemas/CaseGraph'), 400: err('Bad parameters'), 404: err('No such case'), 503: err('Database unavailable') },
        },
      },
      '/api/events/{eventId}': {
        get: {
          summary: 'An event with its citations and participants',
          parameters: [pathParam('eventId', 'Event id (evt_…)')],
          responses: { 200: ok('The event', '#/components/schemas/EventDetail'), 400: err('Malformed id'), 404: err('No such event'), 503: err('Database unavailable') },
        },
      },
      '/api/entities/{entityId}': {
        get: {
          summary: 'An entity with its citations, events and relationships',
          parameters: [pathParam('entityId', 'Entity id (ent_…)')],
          responses: { 200: ok('The entity', '#/components/schemas/EntityDetail'), 400: err('Malformed id'), 404: err('No such entity'), 503: err('Database unavailable') },
        },
      },
      '/api/sources/{sourceId}': {
        get: {
          summary: 'A source with its full text and the citations anchored in it',
          parameters: [pathParam('sourceId', 'Source id (src_…)')],
          responses: { 200: ok('The source', '#/components/schemas/SourceDetail'), 400: err('Malformed id'), 404: err('No such source'), 503: err('Database unavailable') },
        },
      },
    },
    components: {
      schemas: {
        Health: schema(Health),
        CaseSummary: schema(CaseSummary),
        EventListItem: schema(EventListItem),
        CaseGraph: schema(CaseGraph),
        EventDetail: schema(EventDetail),
        EntityDetail: schema(EntityDetail),
        SourceDetail: schema(SourceDetail),
        ApiError: schema(ApiError),
      },
    },
  };
}
