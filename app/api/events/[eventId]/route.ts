import { EventIdParam } from '@/lib/api/params';
import { getEventDetail } from '@/graph/details.repo';
import type { NextRequest } from 'next/server';
import { requireRecordRead } from '../../_lib/auth';
import { handle } from '../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest, { params }: { params: Promise<{ eventId: string }> }) {
  return handle(
    async () => EventIdParam.parse(await params),
    ({ eventId }) => getEventDetail(eventId),
    'no such event',
    ({ eventId }) => requireRecordRead(request, eventId, 'event'),
  );
}
