import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { commitReviewed } from '@/graph/ingest.repo';
import { MAX_REQUEST_BYTES } from '@/lib/ingest/api.schema';
import { CommitRequest } from '@/lib/ingest/proposals.schema';
import { requireCaseRead, requireEditor } from '../../_lib/auth';
import { readBodyCapped } from '../../_lib/body';
import { ingestErrorResponse, parseJsonBody } from '../_lib';

export const dynamic = 'force-dynamic';

/**
 * POST /api/ingest/commit: {document, decisions} → the accepted proposals written in one
 * transaction (200 committed), or nothing at all: 200 unchanged when the same text is already in
 * the case, 4xx/503 with the reason otherwise.
 */
export async function POST(request: NextRequest) {
  try {
    await requireEditor(request, 'ingest');
    const body = CommitRequest.parse(parseJsonBody(await readBodyCapped(request, MAX_REQUEST_BYTES)));
    await requireCaseRead(request, body.document.caseId);
    const result = await commitReviewed(body.document, body.decisions, new Date().toISOString().slice(0, 10));
    return NextResponse.json(result, { status: result.status === 'committed' ? 201 : 200, headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return ingestErrorResponse(e);
  }
}
