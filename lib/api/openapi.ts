import '../zod';
import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, IMPORT_FORMATS } from '../interchange';
import { OEmbedRich } from '../embed/oembed';
import { MAX_SNAPSHOT_BYTES, PublicationList, PublishResult } from '../embed/publication';
import { SNAPSHOT_DEFAULT_WIDTH, SNAPSHOT_MAX_WIDTH, SNAPSHOT_MIN_WIDTH } from '../snapshot/query';
import { EVENT_KINDS, EVENT_STATUSES } from '../model/vocab';
import { DEFAULT_BUCKETS, EVENTS_THRESHOLD, MAX_BUCKETS } from '../views/timeline-buckets';
import { TimelineWindow } from './timeline';
import { EventFacets, WINDOW_NETWORK_DEFAULT_LIMIT, WINDOW_NETWORK_MAX_LIMIT, WINDOW_NETWORK_MAX_PAIRS, WindowNetwork } from './large-case';
import { StatusOverride, StatusOverrideResult } from './event-status';
import { StoryCreate, StoryRecord, StorySummary, StoryUpdate } from '../stories/story.schema';
import { MAX_QUERY_LENGTH } from '../search/lucene';
import { SessionView, SignInBody, Visibility, VisibilityBody } from '../auth/auth.schema';
import { VERSION_PATTERN } from '../embed/version';
import { EVENTS_PAGE_DEFAULT, EVENTS_PAGE_MAX, NEIGHBOURHOOD_DEFAULT_LIMIT, NEIGHBOURHOOD_MAX_LIMIT } from './params';
import { IngestCommitResponse, IngestRequest } from '../ingest/api.schema';
import { CommitRequest, ProposalsDocument } from '../ingest/proposals.schema';
import { MAX_INPUT_BYTES } from '../ingest/errors';
import { ApiError, CaseGraph, CaseSummary, EntityDetail, EventDetail, EventListItem, EventPage, Health, Neighbourhood, SearchResults, SourceDetail } from './views';

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
/** The event filters the database applies (the timeline's and the window network's). */
const eventFilterParams = [
  { name: 'hideKind', in: 'query', required: false, description: 'Event kinds to leave out (repeatable)', schema: { type: 'array', items: { type: 'string', enum: [...EVENT_KINDS] } }, style: 'form', explode: true },
  { name: 'hideStatus', in: 'query', required: false, description: 'Statuses to leave out (repeatable)', schema: { type: 'array', items: { type: 'string', enum: [...EVENT_STATUSES] } }, style: 'form', explode: true },
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
          summary: "One page of a case's events overlapping an optional time window, in time order (start, then id)",
          parameters: [
            pathParam('caseId', 'Case id (a slug)'),
            ...windowParams,
            { name: 'limit', in: 'query', required: false, description: `Events per page (default ${EVENTS_PAGE_DEFAULT})`, schema: { type: 'integer', minimum: 1, maximum: EVENTS_PAGE_MAX, default: EVENTS_PAGE_DEFAULT } },
            {
              name: 'cursor',
              in: 'query',
              required: false,
              description: 'The previous page\'s `nextCursor`, unchanged (opaque; keep the same window). Absent: the first page.',
              schema: { type: 'string', maxLength: 200 },
            },
          ],
          responses: {
            200: ok('A page of events; `nextCursor` is null on the last page', '#/components/schemas/EventPage'),
            400: err('Bad parameters: a window bound, a limit out of range, a cursor that was not issued, an unknown parameter'),
            404: err('No such case'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/cases/{caseId}/timeline': {
        get: {
          summary: `One window of a case's timeline, bounded whatever the case's size: the events themselves when at most ${EVENTS_THRESHOLD} (no wider than the window) overlap it, else counts per time bucket and status`,
          parameters: [
            pathParam('caseId', 'Case id (a slug)'),
            ...windowParams,
            { name: 'buckets', in: 'query', required: false, description: 'At most this many buckets (widths from a fixed ladder, aligned to the epoch)', schema: { type: 'integer', minimum: 1, maximum: MAX_BUCKETS, default: DEFAULT_BUCKETS } },
            ...eventFilterParams,
          ],
          responses: {
            200: ok('`mode: "events"` with the events (and `wider`, the count of events dated more loosely than the window), or `mode: "buckets"`; without from/to, the whole case with its `extent`', '#/components/schemas/TimelineWindow'),
            400: err('Bad parameters: a window bound, buckets out of range, an unknown kind, status or parameter'),
            404: err('No such case'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/cases/{caseId}/network': {
        get: {
          summary: `The network of one window, bounded whatever the case's size: the entities taking part in most of its events (at most \`limit\`, with the count of all), the relationships among them valid in the window, and their ${WINDOW_NETWORK_MAX_PAIRS} heaviest shared-event pairs`,
          parameters: [
            pathParam('caseId', 'Case id (a slug)'),
            ...windowParams,
            { name: 'limit', in: 'query', required: false, description: 'At most this many entities', schema: { type: 'integer', minimum: 1, maximum: WINDOW_NETWORK_MAX_LIMIT, default: WINDOW_NETWORK_DEFAULT_LIMIT } },
            ...eventFilterParams,
          ],
          responses: {
            200: ok('Entities (`graph.nodes`, `entityTotal` in all), relationships, event counts and shared-event pairs', '#/components/schemas/WindowNetwork'),
            400: err('Bad parameters: a window bound, a limit out of range, an unknown kind, status or parameter'),
            404: err('No such case'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/cases/{caseId}/facets': {
        get: {
          summary: "The case's events counted per (kind, status), from its day rollups: what the large case page's filters offer and count. No parameters.",
          parameters: [pathParam('caseId', 'Case id (a slug)')],
          responses: {
            200: ok('`total` and one entry per (kind, status) present, with its count', '#/components/schemas/EventFacets'),
            400: err('A parameter was given (none is taken)'),
            404: err('No such case'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/cases/{caseId}/graph': {
        get: {
          summary: 'Entities and relationships of a case; with a window, only what is valid in it',
          parameters: [pathParam('caseId', 'Case id (a slug)'), ...windowParams],
          responses: {
            200: ok('Nodes, edges and participations', '#/components/schemas/CaseGraph'),
            400: err('Bad parameters'),
            404: err('No such case'),
            422: err('A case over 2,000 events: its whole graph is not read; ask for the network of a window or a neighbourhood'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search in a case: entity names and aliases in any script, event titles and descriptions, quotes and their translations. Accents and case are ignored; the text is matched literally (query syntax is escaped).',
          parameters: [
            { name: 'q', in: 'query', required: true, description: `What to look for (1–${MAX_QUERY_LENGTH} characters). Each word matches whole or as a prefix; all words must match.`, schema: { type: 'string', minLength: 1, maxLength: MAX_QUERY_LENGTH } },
            { name: 'caseId', in: 'query', required: true, description: 'Case id (a slug)', schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, description: 'At most this many hits (1–50, default 20).', schema: { type: 'integer', minimum: 1, maximum: 50 } },
            { name: 'kind', in: 'query', required: false, description: '`entity`: search names and aliases only, so every hit is an entity.', schema: { type: 'string', enum: ['entity'] } },
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
      '/api/cases/{caseId}/publications': {
        get: {
          summary: 'The published versions of a case (immutable snapshots an embed can be pinned to), newest first, and the live version',
          parameters: [pathParam('caseId', 'Case id (a slug)')],
          responses: { 200: ok('Publications', '#/components/schemas/PublicationList'), 400: err('Bad case id'), 404: err('No such case'), 503: err('Database unavailable') },
        },
        post: {
          summary: `Editors: publish the case as it is now (no body). Idempotent: unchanged content returns the existing publication. Snapshots are limited to ${MAX_SNAPSHOT_BYTES / 1048576} MB`,
          parameters: [pathParam('caseId', 'Case id (a slug)')],
          responses: {
            201: ok('Published', '#/components/schemas/PublishResult'),
            200: ok('This content was already published: the existing publication', '#/components/schemas/PublishResult'),
            401: err('Not signed in'),
            403: err('Not an editor, or the CSRF check failed'),
            404: err('No such case'),
            422: err('The snapshot would be over the size limit'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/cases/{caseId}/snapshot': {
        get: {
          summary: 'A static picture (SVG or PNG) of the timeline or the network, with legend and credits, for pages that allow no iframes',
          parameters: [
            pathParam('caseId', 'Case id (a slug)'),
            { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['svg', 'png'] } },
            { name: 'view', in: 'query', required: false, schema: { type: 'string', enum: ['timeline', 'graph'], default: 'timeline' } },
            { name: 'from', in: 'query', required: false, description: 'Window start, wall-clock YYYY-MM-DDTHH:mm (with `to`)', schema: { type: 'string' } },
            { name: 'to', in: 'query', required: false, description: 'Window end, wall-clock YYYY-MM-DDTHH:mm (with `from`)', schema: { type: 'string' } },
            { name: 'hideStatus', in: 'query', required: false, description: 'Repeatable; also hideType, hideKind, hidePub, hideSrc as on the case page', schema: { type: 'array', items: { type: 'string', enum: [...EVENT_STATUSES] } } },
            { name: 'version', in: 'query', required: false, description: 'A published version (16 hex digits): drawn from its snapshot', schema: { type: 'string', pattern: '^[0-9a-f]{16}$' } },
            { name: 'width', in: 'query', required: false, schema: { type: 'integer', minimum: SNAPSHOT_MIN_WIDTH, maximum: SNAPSHOT_MAX_WIDTH, default: SNAPSHOT_DEFAULT_WIDTH } },
          ],
          responses: {
            200: { description: 'The picture, with Content-Disposition: attachment', content: { 'image/svg+xml': { schema: { type: 'string' } }, 'image/png': { schema: { type: 'string', contentEncoding: 'binary' } } } },
            400: err('Bad parameters'),
            404: err('No such case, or a version never published'),
            422: err('The live picture of a case over 2,000 events (it would read the whole case)'),
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
      '/api/ingest': {
        post: {
          summary: 'Read an article (pasted text, an uploaded file or a URL) into reviewable proposals: events, entities, relationships, each with its citation. Writes nothing.',
          description:
            `JSON {caseId, text | url, format?, meta?}, or multipart/form-data with a \`file\` field (.txt, .md, .html, .pdf; up to ${MAX_INPUT_BYTES / 1024 / 1024} MB) and the same fields (caseId, title, publisher, author, published, language, timeZone). ` +
            'A URL is fetched by the server (private and loopback addresses refused, redirects re-checked). The answer is the proposals document to review and send back to /api/ingest/commit. Editors only.',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/IngestRequest' } },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['caseId', 'file'],
                  properties: {
                    caseId: { type: 'string' },
                    file: { type: 'string', format: 'binary', description: 'The article: text, Markdown, HTML or PDF' },
                    title: { type: 'string' },
                    publisher: { type: 'string' },
                    author: { type: 'string' },
                    published: { type: 'string', description: 'YYYY, YYYY-MM or YYYY-MM-DD' },
                    language: { type: 'string' },
                    timeZone: { type: 'string', description: 'IANA zone of the local times in the article' },
                  },
                },
              },
            },
          },
          responses: {
            200: ok('The proposals document (alreadyIngested is set when the same text is in the case)', '#/components/schemas/ProposalsDocument'),
            401: err('Not signed in (editors only: session cookie with x-csrf-token, or an API token)'),
            403: err('Not an editor, the CSRF check failed, or the case is not readable'),
            404: err('No such case'),
            413: err('The upload or the article text is too large (error: too_large)'),
            415: err('A file type that is not read (error: unsupported_type)'),
            422: err('Unreadable input, every cause with its code: empty, binary, encoding, no_text, url_refused, url_failed, too_many_redirects, bad_proposals (invalid body), a PDF that cannot be read'),
            429: err('Too many ingest requests; see Retry-After'),
            503: err('Database unavailable'),
            504: err('The URL did not answer in time (error: timeout)'),
          },
        },
      },
      '/api/ingest/commit': {
        post: {
          summary: 'Commit the reviewed proposals in ONE transaction: all accepted events, entities, relationships and their citations, or nothing',
          description:
            'The document is judged again: the text is re-hashed, every quote re-checked at its offsets, every link re-resolved. Every proposal needs a decision to be kept (missing = rejected); a relationship is kept only if both its entities are. The same text already in the case (same content hash) changes nothing and answers 200 unchanged.',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CommitRequest' } } } },
          responses: {
            201: ok('Committed', '#/components/schemas/IngestCommitResponse'),
            200: ok('Unchanged: this article is already in the case', '#/components/schemas/IngestCommitResponse'),
            401: err('Not signed in (editors only)'),
            403: err('Not an editor, the CSRF check failed, or the case is not readable'),
            404: err('No such case'),
            413: err('The body is too large'),
            422: err('Invalid document or decisions (error: bad_proposals; integrity problems in details), or an entity the review linked to is no longer in the case: nothing written'),
            429: err('Too many ingest requests; see Retry-After'),
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
      '/api/cases/{caseId}/version': {
        get: {
          summary: "The content hash of the case now: the Embed dialog pins an embed to it (`?version=`)",
          parameters: [pathParam('caseId', 'Case id (a slug)')],
          responses: {
            200: {
              description: 'The case id and its version',
              content: { 'application/json': { schema: { type: 'object', required: ['caseId', 'version'], properties: { caseId: { type: 'string' }, version: { type: 'string', pattern: VERSION_PATTERN.source } } } } },
            },
            400: err('Malformed case id'),
            404: err('No such case (or a private one)'),
            422: err('A case over 2,000 events: it is embedded live (a version would mean hashing the whole case)'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/cases/{caseId}/visibility': {
        put: {
          summary: 'Editors: publish a case (public) or take it back to its members (private); whoever makes it private stays a member',
          parameters: [pathParam('caseId', 'Case id (a slug)')],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/VisibilityBody' } } } },
          responses: {
            200: {
              description: 'The case id and its visibility now',
              content: { 'application/json': { schema: { type: 'object', required: ['caseId', 'visibility'], properties: { caseId: { type: 'string' }, visibility: { $ref: '#/components/schemas/Visibility' } } } } },
            },
            400: err('Malformed case id or body'),
            401: err('Not signed in'),
            403: err('Not an editor, or the CSRF check failed'),
            404: err('No such case'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/auth/sign-in': {
        post: {
          summary: 'Signs in: sets the session cookie (HttpOnly, SameSite=Lax) and answers the CSRF token that writes send back in `x-csrf-token`',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SignInBody' } } } },
          responses: { 200: ok('The user and the CSRF token', '#/components/schemas/SessionView'), 400: err('Malformed body'), 401: err('Wrong username or password'), 429: err('Too many attempts: retry after the Retry-After header') },
        },
      },
      '/api/auth/sign-out': {
        post: { summary: 'Ends the session (the cookie is cleared)', responses: { 204: { description: 'Signed out' } } },
      },
      '/api/auth/session': {
        get: { summary: 'Who is signed in, with the CSRF token for writes (nulls when nobody is)', responses: { 200: ok('The session', '#/components/schemas/SessionView') } },
      },
      '/api/cases/{caseId}/stories': {
        get: {
          summary: "A case's stories (presentations), without their steps",
          parameters: [pathParam('caseId', 'Case id (a slug)')],
          responses: { 200: ok('Stories', '#/components/schemas/StorySummary', true), 400: err('Malformed case id'), 404: err('No such case (or a private one)'), 503: err('Database unavailable') },
        },
        post: {
          summary: 'Editors: a new story (id made from the title unless given), written in one transaction with the check that every step points at records of this case',
          parameters: [pathParam('caseId', 'Case id (a slug)')],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/StoryCreate' } } } },
          responses: {
            201: ok('The stored story (version 1)', '#/components/schemas/StoryRecord'),
            400: err('Malformed id or a body that is not JSON'),
            401: err('Not signed in'),
            403: err('Not an editor, or a failed CSRF check'),
            404: err('No such case'),
            409: err('The case already has a story of that id'),
            413: err('Body over 512 KB'),
            429: err('Too many edits by this editor; see Retry-After'),
            422: err('Invalid story, or steps pointing at records that are not this case\'s: details = [{path, message}], nothing written'),
            503: err('Database unavailable'),
          },
        },
      },
      '/api/cases/{caseId}/stories/{storyId}': {
        get: {
          summary: 'One story with its ordered steps and its version',
          parameters: [pathParam('caseId', 'Case id (a slug)'), pathParam('storyId', 'Story id (a slug)')],
          responses: { 200: ok('The story', '#/components/schemas/StoryRecord'), 400: err('Malformed id'), 404: err('No such story or case'), 503: err('Database unavailable') },
        },
        put: {
          summary: 'Editors: saves the whole story (title, summary, every step in order) in one transaction, if it is still at expectedVersion',
          parameters: [pathParam('caseId', 'Case id (a slug)'), pathParam('storyId', 'Story id (a slug)')],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/StoryUpdate' } } } },
          responses: {
            200: ok('The stored story; its version moves on when the content changed', '#/components/schemas/StoryRecord'),
            400: err('Malformed id or a body that is not JSON'),
            401: err('Not signed in'),
            403: err('Not an editor, or a failed CSRF check'),
            404: err('No such story or case'),
            409: err('Someone saved the story since expectedVersion: details = {currentVersion}; nothing written'),
            413: err('Body over 512 KB'),
            429: err('Too many edits by this editor; see Retry-After'),
            422: err('Invalid story, or steps pointing at records that are not this case\'s: details = [{path, message}], nothing written'),
            503: err('Database unavailable'),
          },
        },
        delete: {
          summary: 'Editors: deletes the story',
          parameters: [
            pathParam('caseId', 'Case id (a slug)'),
            pathParam('storyId', 'Story id (a slug)'),
            { name: 'expectedVersion', in: 'query', required: false, description: 'Delete only if the story is still at this version', schema: { type: 'integer', minimum: 1 } },
          ],
          responses: { 204: { description: 'Deleted' }, 401: err('Not signed in'), 403: err('Not an editor, or a failed CSRF check'), 404: err('No such story or case'), 409: err('Saved since expectedVersion: details = {currentVersion}'), 429: err('Too many edits by this editor; see Retry-After'), 503: err('Database unavailable') },
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
            {
              name: 'limit',
              in: 'query',
              required: false,
              description: `Most entities and events besides the centre, nearest first (default ${NEIGHBOURHOOD_DEFAULT_LIMIT}); \`truncated\` says when more were within reach`,
              schema: { type: 'integer', minimum: 1, maximum: NEIGHBOURHOOD_MAX_LIMIT, default: NEIGHBOURHOOD_DEFAULT_LIMIT },
            },
          ],
          responses: { 200: ok('The neighbourhood', '#/components/schemas/Neighbourhood'), 400: err('Malformed id, hops or limit'), 404: err('No such entity'), 503: err('Database unavailable') },
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
        EventPage: schema(EventPage),
        TimelineWindow: schema(TimelineWindow),
        WindowNetwork: schema(WindowNetwork),
        EventFacets: schema(EventFacets),
        Visibility: schema(Visibility),
        VisibilityBody: schema(VisibilityBody),
        SignInBody: schema(SignInBody),
        SessionView: schema(SessionView),
        CaseGraph: schema(CaseGraph),
        EventDetail: schema(EventDetail),
        EntityDetail: schema(EntityDetail),
        SourceDetail: schema(SourceDetail),
        StatusOverride: z.toJSONSchema(StatusOverride, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
        StatusOverrideResult: schema(StatusOverrideResult),
        StorySummary: schema(StorySummary),
        StoryRecord: schema(StoryRecord),
        StoryCreate: z.toJSONSchema(StoryCreate, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
        StoryUpdate: z.toJSONSchema(StoryUpdate, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
        ApiError: schema(ApiError),
        OEmbedRich: schema(OEmbedRich),
        PublicationList: schema(PublicationList),
        PublishResult: schema(PublishResult),
        IngestRequest: z.toJSONSchema(IngestRequest, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
        ProposalsDocument: schema(ProposalsDocument),
        CommitRequest: z.toJSONSchema(CommitRequest, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
        IngestCommitResponse: schema(IngestCommitResponse),
      },
    },
  };
}
