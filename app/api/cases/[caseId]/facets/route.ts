import type { NextRequest } from 'next/server';
import { CaseIdParam } from '@/lib/api/params';
import { EventFacetsQuery } from '@/lib/api/large-case';
import { getEventFacets } from '@/graph/large-case.repo';
import { requireCaseRead } from '../../../_lib/auth';
import { handle } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/** The case's events counted per (kind, status): what the large case page's filters offer (lib/api/large-case.ts). */
export function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  return handle(
    async () => {
      // No parameters: unknown keys are refused, as on every other read endpoint.
      EventFacetsQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
      return CaseIdParam.parse(await params);
    },
    ({ caseId }) => getEventFacets(caseId),
    'no such case',
    ({ caseId }) => requireCaseRead(request, caseId),
  );
}
