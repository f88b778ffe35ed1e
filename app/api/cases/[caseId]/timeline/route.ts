import type { NextRequest } from 'next/server';
import { CaseIdParam, WindowQuery } from '@/lib/api/params';
import { TimelineFilterQuery } from '@/lib/api/timeline';
import { getTimelineWindow } from '@/graph/timeline.repo';
import { requireCaseRead } from '../../../_lib/auth';
import { handle } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/** One window of the timeline: events one by one when few, else counts per bucket (lib/api/timeline.ts). */
export function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  const q = request.nextUrl.searchParams;
  return handle(
    async () => {
      const known = new Set(['from', 'to', 'buckets', 'hideKind', 'hideStatus']);
      const unknown = [...q.keys()].filter((k) => !known.has(k));
      return {
        ...CaseIdParam.parse(await params),
        // Unknown keys are refused by the strict schema, as on every other read endpoint.
        window: WindowQuery.parse({ ...optional(q, 'from'), ...optional(q, 'to') }),
        filters: TimelineFilterQuery.parse({
          ...optional(q, 'buckets'),
          hideKind: q.getAll('hideKind'),
          hideStatus: q.getAll('hideStatus'),
          ...Object.fromEntries(unknown.map((k) => [k, q.get(k)])),
        }),
      };
    },
    ({ caseId, window, filters }) => getTimelineWindow(caseId, window, filters),
    'no such case',
    ({ caseId }) => requireCaseRead(request, caseId),
  );
}

function optional(q: URLSearchParams, key: string): Record<string, string> {
  const v = q.get(key);
  return v === null ? {} : { [key]: v };
}
