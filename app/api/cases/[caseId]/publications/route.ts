import { NextResponse, type NextRequest } from 'next/server';
import { NotFoundError } from '@/graph/errors';
import { getPublicationList, publishCase } from '@/graph/publications.repo';
import { CaseIdParam } from '@/lib/api/params';
import { requireCaseRead, requireEditor } from '../../../_lib/auth';
import { errorResponse } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/cases/{caseId}/publications`: `{caseId, live, publications}`, the published versions
 * newest first and the live version now (null for a case over 2,000 events, embedded live only).
 * Whoever may read the case may list them.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  try {
    const { caseId } = CaseIdParam.parse(await params);
    await requireCaseRead(request, caseId);
    const body = await getPublicationList(caseId);
    if (!body) throw new NotFoundError(`no case "${caseId}"`);
    return NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

/**
 * `POST /api/cases/{caseId}/publications` (no body): publishes the case as it is now. Editors only
 * (401/403, CSRF-checked). 201 with the new publication, 200 with the existing one when this
 * content was already published; 404 unknown case; 422 snapshot over the size limit.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  try {
    const { caseId } = CaseIdParam.parse(await params);
    const editor = await requireEditor(request);
    await requireCaseRead(request, caseId);
    const result = await publishCase(caseId, editor);
    return NextResponse.json(result, { status: result.created ? 201 : 200, headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
