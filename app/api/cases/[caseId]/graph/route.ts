import type { NextRequest } from 'next/server';
import { CaseIdParam, WindowQuery, searchParamsObject } from '@/lib/api/params';
import { getCaseGraph } from '@/graph/cases.repo';
import { requireCaseRead } from '../../../_lib/auth';
import { handle } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  return handle(
    async () => ({ ...CaseIdParam.parse(await params), window: WindowQuery.parse(searchParamsObject(request.nextUrl.searchParams)) }),
    ({ caseId, window }) => getCaseGraph(caseId, window),
    'no such case',
    ({ caseId }) => requireCaseRead(request, caseId),
  );
}
