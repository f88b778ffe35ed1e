import type { NextRequest } from 'next/server';
import { getCaseBundle } from '@/graph/interchange.repo';
import { NotFoundError } from '@/graph/errors';
import { CaseIdParam, searchParamsObject } from '@/lib/api/params';
import { ExportQuery, contentDisposition, exportCase } from '@/lib/interchange';
import { originFromHeaders } from '../../../../_lib/request-origin';
import { requireCaseRead } from '../../../_lib/auth';
import { errorResponse } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/** `GET /api/cases/{caseId}/export?format=…`: the case as a file, downloaded (Content-Disposition: attachment). Whoever may read the case may export it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  try {
    const { caseId } = CaseIdParam.parse(await params);
    const query = ExportQuery.parse(searchParamsObject(request.nextUrl.searchParams));
    // A private case is a 404 to those who may not read it, as everywhere else.
    await requireCaseRead(request, caseId);
    const bundle = await getCaseBundle(caseId);
    if (!bundle) throw new NotFoundError('no such case');
    const file = exportCase(bundle, query, { baseUrl: originFromHeaders(request.headers, request.nextUrl.origin) });
    return new Response(file.body, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': contentDisposition(file.fileName),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
