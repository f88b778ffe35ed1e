import type { NextRequest } from 'next/server';
import { SearchQuery, searchParamsObject } from '@/lib/api/params';
import { searchCase } from '@/graph/search.repo';
import { requireCaseRead } from '../_lib/auth';
import { handle } from '../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  return handle(
    () => SearchQuery.parse(searchParamsObject(request.nextUrl.searchParams)),
    ({ caseId, q, limit, kind }) => searchCase(caseId, q, limit, kind ?? null),
    'no such case',
    ({ caseId }) => requireCaseRead(request, caseId),
  );
}
