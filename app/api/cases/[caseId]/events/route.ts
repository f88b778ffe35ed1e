import type { NextRequest } from 'next/server';
import { CaseIdParam, EventsPageQuery, searchParamsObject } from '@/lib/api/params';
import { listEventsPage } from '@/graph/cases.repo';
import { requireCaseRead } from '../../../_lib/auth';
import { handle } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/** One page of the case's events in time order: `?from&to&limit&cursor` → `{events, nextCursor}`. */
export function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  return handle(
    async () => ({ ...CaseIdParam.parse(await params), query: EventsPageQuery.parse(searchParamsObject(request.nextUrl.searchParams)) }),
    ({ caseId, query }) => listEventsPage(caseId, { window: { from: query.from, to: query.to }, limit: query.limit, after: query.cursor }),
    'no such case',
    ({ caseId }) => requireCaseRead(request, caseId),
  );
}
