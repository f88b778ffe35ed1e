import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { findSourceByHash, getCaseForIngest, commitReviewed } from '@/graph/ingest.repo';
import { IngestRequest, MAX_REQUEST_BYTES } from '@/lib/ingest/api.schema';
import { IngestInputError } from '@/lib/ingest/errors';
import { extractorFromEnv } from '@/lib/ingest/llm-extractor';
import { runIngest, type IngestInput } from '@/lib/ingest/runner';
import { makeUrlFetcher } from '@/lib/ingest/server/fetch-url';
import { NotFoundError } from '@/graph/errors';
import { requireCaseRead, requireEditor } from '../_lib/auth';
import { readBodyCapped } from '../_lib/body';
import { ingestErrorResponse, parseJsonBody } from './_lib';

export const dynamic = 'force-dynamic';

/**
 * POST /api/ingest: an article in (JSON {caseId, text | url, format?, meta?}, or multipart with a
 * `file` field and the same fields) → the proposals document. Writes nothing.
 */
export async function POST(request: NextRequest) {
  try {
    await requireEditor(request, 'ingest');
    const bytes = await readBodyCapped(request, MAX_REQUEST_BYTES);
    const type = request.headers.get('content-type') ?? '';
    let req: IngestRequest;
    let input: IngestInput;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': type }, body: bytes }).formData();
      const file = form.get('file');
      const field = (k: string) => {
        const v = form.get(k);
        return typeof v === 'string' && v.trim() !== '' ? v : undefined;
      };
      const meta = Object.fromEntries(['title', 'publisher', 'author', 'published', 'language', 'timeZone'].flatMap((k) => (field(k) ? [[k, field(k)]] : [])));
      if (!(file instanceof File)) throw new IngestInputError('empty', 'No file was uploaded (the form field is "file").');
      req = IngestRequest.parse({ caseId: field('caseId'), text: '', meta });
      input = { kind: 'bytes', bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, contentType: file.type || null };
    } else {
      req = IngestRequest.parse(parseJsonBody(bytes));
      input = req.url ? { kind: 'url', url: req.url } : { kind: 'text', text: req.text!, ...(req.format ? { format: req.format } : {}) };
    }
    await requireCaseRead(request, req.caseId);
    const { document } = await runIngest(
      { caseId: req.caseId, input, ...(req.meta ? { meta: req.meta } : {}) },
      {
        graph: {
          getCaseForIngest: async (id) => {
            const c = await getCaseForIngest(id);
            if (!c) throw new NotFoundError(`no case ${id}`);
            return c;
          },
          findSourceByHash,
          commitReviewed,
        },
        extractor: extractorFromEnv(process.env),
        fetcher: makeUrlFetcher(),
      },
    );
    return NextResponse.json(document, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return ingestErrorResponse(e);
  }
}
