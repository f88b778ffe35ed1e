import { SourceIdParam } from '@/lib/api/params';
import { getSourceDetail } from '@/graph/details.repo';
import { handle } from '../../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ sourceId: string }> }) {
  return handle(async () => SourceIdParam.parse(await params), ({ sourceId }) => getSourceDetail(sourceId), 'no such source');
}
