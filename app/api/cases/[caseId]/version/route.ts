import { NextResponse, type NextRequest } from 'next/server';
import { NotFoundError } from '@/graph/errors';
import { getLiveVersion } from '@/graph/publications.repo';
import { CaseIdParam } from '@/lib/api/params';
import { requireCaseRead } from '../../../_lib/auth';
import { errorResponse } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/cases/{caseId}/version`: `{caseId, version}`, the content hash of the case now
 * (lib/embed/version.ts), to pin an embed with `?version=`. 422 for a case over 2,000 events,
 * which would have to be read whole: such a case is embedded live.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  try {
    const { caseId } = CaseIdParam.parse(await params);
    await requireCaseRead(request, caseId);
    const version = await getLiveVersion(caseId);
    if (!version) throw new NotFoundError(`no case "${caseId}"`);
    return NextResponse.json({ caseId, version }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
