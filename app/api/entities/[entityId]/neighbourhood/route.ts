import type { NextRequest } from 'next/server';
import { EntityIdParam, HopsQuery, searchParamsObject } from '@/lib/api/params';
import { getEntityNeighbourhood } from '@/graph/neighbourhood.repo';
import { requireRecordRead } from '../../../_lib/auth';
import { handle } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest, { params }: { params: Promise<{ entityId: string }> }) {
  return handle(
    async () => ({ ...EntityIdParam.parse(await params), ...HopsQuery.parse(searchParamsObject(request.nextUrl.searchParams)) }),
    ({ entityId, hops, limit }) => getEntityNeighbourhood(entityId, hops, limit),
    'no such entity',
    ({ entityId }) => requireRecordRead(request, entityId, 'entity'),
  );
}
