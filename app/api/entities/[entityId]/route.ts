import { EntityIdParam } from '@/lib/api/params';
import { getEntityDetail } from '@/graph/details.repo';
import type { NextRequest } from 'next/server';
import { requireRecordRead } from '../../_lib/auth';
import { handle } from '../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest, { params }: { params: Promise<{ entityId: string }> }) {
  return handle(
    async () => EntityIdParam.parse(await params),
    ({ entityId }) => getEntityDetail(entityId),
    'no such entity',
    ({ entityId }) => requireRecordRead(request, entityId, 'entity'),
  );
}
