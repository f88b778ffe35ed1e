import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, IMPORT_FORMATS } from '../interchange';
import { OEmbedRich } from '../embed/oembed';
import { StatusOverride, StatusOverrideResult } from './event-status';
import { MAX_QUERY_LENGTH } from '../search/lucene';
import { ApiError, CaseGraph, CaseSummary, EntityDetail, EventDetail, EventListItem, Health, Neighbourhood, SearchResults, SourceDetail } from './views';

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
      title: 'Timeweave API',
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
      '/api/search': {
        get: {
          summary: 'Full-text search in a case: entity names and aliases in any script, event titles and descriptions, quotes and their translations. Accents and case are ignored; the text is matched literally (query syntax is escaped).',
          parameters: [
            { name: 'q', in: 'query', required: true, description: `What to look for (1–${MAX_QUERY_LENGTH} characters). Each word matches whole or as a prefix; all words must match.`, schema: { type: 'string', minLength: 1, maxLength: MAX_QUERY_LENGTH } },
            { name: 'caseId', in: 'query', required: true, description: 'Case id (a slug)', schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, description: 'At most this many hits (1–50, default 20).', schema: { type: 'integer', minimum: 1, maximum: 50 } },
          ],
          responses: { 200: ok('Hits, best first', '#/components/schemas/SearchResults'), 400: err('Bad parameters'), 404: err('No such case'), 503: err('Database unavailable') },
        },
      },
      '/api/cases/{caseId}/export': {
        get: {
          summary: 'The case as a file: bundle (imports back identically), TimelineJS JSON, CSV, GraphML, GEXF, Cytoscape JSON or W3C Web Annotations',
          parameters: [
            pathParam('caseId', 'Case id (a slug)'),
            { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: [...EXPORT_FORMATS] } },
            { name: 'table', in: 'query', required: false, description: 'csv only: events (default; TimelineJS spreadsheet template) or entities', schema: { type: 'string', enum: ['events', 'entities'] } },
            { name: 'group', in: 'query', required: false, description: 'timelinejs only: group slides by status (default) or kind', schema: { type: 'string', enum: ['status', 'kind'] } },
          ],
          responses: {
            200: {
              description: 'The file, with Content-Disposition: attachment',
              content: Object.fromEntries([...new Set(Object.values(EXPORT_MEDIA_TYPES).map((t) => t.split(';')[0]!))].map((t) => [t, { schema: { type: 'string' } }])),
            },
            400: err('Bad parameters'),
            404: err('No such case'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/cases/import': {
        post: {
          summary: 'Import a case bundle, a TimelineJS JSON file or a CSV (TimelineJS spreadsheet template); all or nothing',
          parameters: [
            { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: [...IMPORT_FORMATS] } },
            { name: 'caseId', in: 'query', required: false, description: 'Case to create (a bundle under another id is imported as a copy, every id re-derived); derived from the title when absent', schema: { type: 'string' } },
            { name: 'title', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'publisher', in: 'query', required: false, description: 'timelinejs/csv: who published the timeline (the asserter of its citations)', schema: { type: 'string' } },
            { name: 'language', in: 'query', required: false, description: 'timelinejs/csv: BCP 47 language of its text (default en)', schema: { type: 'string' } },
            { name: 'replace', in: 'query', required: false, description: 'true to replace an existing case of that id (restore)', schema: { type: 'string', enum: ['true', 'false'] } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } } },
          responses: {
            201: { description: 'Created: caseId, replaced, counts of what the case holds, events, eras, notes', content: { 'application/json': { schema: { type: 'object' } } } },
            400: err('Bad parameters'),
            401: err('Not signed in (editors only: session cookie with x-csrf-token, or an API token)'),
            403: err('Not an editor, or the CSRF check failed'),
            429: err('Too many imports; see Retry-After'),
            409: err('The case exists (use replace=true or another caseId)'),
            422: err('The file cannot be imported: every problem in details, nothing written'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/oembed': {
        get: {
          summary: 'oEmbed 1.0 for case pages and embeds (type rich: an iframe of /embed/cases/{caseId})',
          parameters: [
            { name: 'url', in: 'query', required: true, description: 'A case page (/cases/{id}) or embed (/embed/cases/{id}) URL on this host', schema: { type: 'string' } },
            { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'xml'] } },
            { name: 'maxwidth', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
            { name: 'maxheight', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
          ],
          responses: { 200: ok('The oEmbed response', '#/components/schemas/OEmbedRich'), 400: err('Bad parameters'), 404: err('Not one of our URLs, or no such case'), 501: err('format=xml is not offered') },
        },
      },
      '/api/events/{eventId}': {
        get: {
          summary: 'An event with its citations and participants',
          parameters: [pathParam('eventId', 'Event id (evt_…)')],
          responses: { 200: ok('The event', '#/components/schemas/EventDetail'), 400: err('Malformed id'), 404: err('No such event'), 503: err('Database unavailable') },
        },
      },
      '/api/events/{eventId}/status': {
        put: {
          summary: "An editor sets an event's status, with a reason that is kept; the rules' status stays visible beside it",
          parameters: [pathParam('eventId', 'Event id (evt_…)')],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/StatusOverride' } } } },
          responses: {
            200: ok('The new status and version', '#/components/schemas/StatusOverrideResult'),
            400: err('Malformed id'),
            404: err('No such event'),
            409: err('The status changed since expectedVersion'),
            422: err('Invalid body (a reason is required)'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/entities/{entityId}': {
        get: {
          summary: 'An entity with its citations, events and relationships',
          parameters: [pathParam('entityId', 'Entity id (ent_…)')],
          responses: { 200: ok('The entity', '#/components/schemas/EntityDetail'), 400: err('Malformed id'), 404: err('No such entity'), 503: err('Database unavailable') },
        },
      },
      '/api/entities/{entityId}/neighbourhood': {
        get: {
          summary: "An entity's neighbourhood: entities, events, relationships and participations within 1 or 2 steps (an event is one step)",
          parameters: [
            pathParam('entityId', 'Entity id (ent_…)'),
            { name: 'hops', in: 'query', required: false, description: '1 (default) or 2', schema: { type: 'integer', enum: [1, 2] } },
          ],
          responses: { 200: ok('The neighbourhood', '#/components/schemas/Neighbourhood'), 400: err('Malformed id or hops'), 404: err('No such entity'), 503: err('Database unavailable') },
        },
      },
      '/api/sources/{sourceId}': {
        get: {
          summary: 'A source with its full text, its page furniture, and every citation in it (orphans flagged) with its attribution chain and what it supports',
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
        StatusOverride: z.toJSONSchema(StatusOverride, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
        StatusOverrideResult: schema(StatusOverrideResult),
        ApiError: schema(ApiError),
        OEmbedRich: schema(OEmbedRich),
      },
    },
  };
}
