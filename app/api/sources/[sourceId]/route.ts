import { SourceIdParam } from '@/lib/api/params';
import { getSourceDetail } from '@/graph/details.repo';
import type { NextRequest } from 'next/server';
import { requireRecordRead } from '../../_lib/auth';
import { handle } from '../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest, { params }: { params: Promise<{ sourceId: string }> }) {
  return handle(
    async () => SourceIdParam.parse(await params),
    ({ sourceId }) => getSourceDetail(sourceId),
    'no such source',
    ({ sourceId }) => requireRecordRead(request, sourceId, 'source'),
  );
}
