import { EntityIdParam } from '@/lib/api/params';
import { getEntityDetail } from '@/graph/details.repo';
import { handle } from '../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ entityId: string }> }) {
  return handle(async () => EntityIdParam.parse(await params), ({ entityId }) => getEntityDetail(entityId), 'no such entity');
}
