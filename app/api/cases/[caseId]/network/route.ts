import type { NextRequest } from 'next/server';
import { CaseIdParam } from '@/lib/api/params';
import { WindowNetworkQuery } from '@/lib/api/large-case';
import { getWindowNetwork } from '@/graph/large-case.repo';
import { requireCaseRead } from '../../../_lib/auth';
import { handle } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/** The network of one window, bounded: the most active entities of its events (lib/api/large-case.ts). */
export function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  const q = request.nextUrl.searchParams;
  return handle(
    async () => {
      const lists = new Set(['hideKind', 'hideStatus']);
      const window = new Set(['from', 'to']);
      const single = Object.fromEntries([...q.keys()].filter((k) => !lists.has(k) && !window.has(k)).map((k) => [k, q.get(k)]));
      return {
        ...CaseIdParam.parse(await params),
        // Unknown keys are refused by the strict schema, as on every other read endpoint.
        ...WindowNetworkQuery.parse({
          ...single,
          window: Object.fromEntries([...window].flatMap((k) => (q.has(k) ? [[k, q.get(k)]] : []))),
          hideKind: q.getAll('hideKind'),
          hideStatus: q.getAll('hideStatus'),
        }),
      };
    },
    ({ caseId, window, ...options }) => getWindowNetwork(caseId, window, options),
    'no such case',
    ({ caseId }) => requireCaseRead(request, caseId),
  );
}
