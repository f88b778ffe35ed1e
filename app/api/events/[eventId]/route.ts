import { EventIdParam } from '@/lib/api/params';
import { getEventDetail } from '@/graph/details.repo';
import { handle } from '../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  return handle(async () => EventIdParam.parse(await params), ({ eventId }) => getEventDetail(eventId), 'no such event');
}
