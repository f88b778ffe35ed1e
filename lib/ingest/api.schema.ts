import '../zod';
import { z } from 'zod';
import { CaseId } from '../model/case';
import { MAX_INPUT_BYTES } from './errors';
import { SourceMeta } from './proposals.schema';

/** POST /api/ingest as JSON (the review screen's paste and URL forms use it; file uploads come as multipart with the same fields). */
export const IngestRequest = z
  .object({
    caseId: CaseId,
    text: z.string().max(MAX_INPUT_BYTES, `the text is longer than ${MAX_INPUT_BYTES / 1024 / 1024} MB`).optional(),
    url: z.string().max(2000).optional(),
    format: z.enum(['html', 'text', 'markdown']).optional(),
    meta: SourceMeta.partial().optional(),
  })
  .refine((r) => (r.text !== undefined ? 1 : 0) + (r.url ? 1 : 0) === 1, { message: 'give either text or url', path: ['text'] });
export type IngestRequest = z.infer<typeof IngestRequest>;

/** Largest request body accepted by the ingest endpoints (an upload plus form fields, or a proposals document). */
export const MAX_REQUEST_BYTES = MAX_INPUT_BYTES * 3;

/** What POST /api/ingest/commit answers (the OpenAPI document is generated from this). */
export const IngestCommitResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('unchanged'),
    sourceId: z.string(),
    message: z.string(),
  }),
  z.object({
    status: z.literal('committed'),
    sourceId: z.string(),
    counts: z.object({
      events: z.number().int(),
      newEntities: z.number().int(),
      linkedEntities: z.number().int(),
      citations: z.number().int(),
      relations: z.number().int(),
      rejectedEvents: z.number().int(),
      rejectedEntities: z.number().int(),
      /** Rejected by the reviewer, or dropped because one of its entities was rejected. */
      rejectedRelations: z.number().int(),
    }),
    eventIds: z.array(z.string()),
    message: z.string(),
  }),
]);
export type IngestCommitResponse = z.infer<typeof IngestCommitResponse>;
