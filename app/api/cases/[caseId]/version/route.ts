import { NextResponse, type NextRequest } from 'next/server';
import { NotFoundError } from '@/graph/errors';
import { getCaseBundle } from '@/graph/interchange.repo';
import { CaseIdParam } from '@/lib/api/params';
import { caseVersion } from '@/lib/embed/version';
import { requireCaseRead } from '../../../_lib/auth';
import { errorResponse } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/cases/{caseId}/version`: `{caseId, version}`, the content hash of the case now
 * (lib/embed/version.ts). The Embed dialog puts it in `?version=` to pin an embed.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  try {
    const { caseId } = CaseIdParam.parse(await params);
    await requireCaseRead(request, caseId);
    const bundle = await getCaseBundle(caseId);
    if (!bundle) throw new NotFoundError(`no case "${caseId}"`);
    return NextResponse.json({ caseId, version: caseVersion(bundle) }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
