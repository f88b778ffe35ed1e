'use client';

import dynamic from 'next/dynamic';
import { useEffect, useMemo } from 'react';
import type { CaseSummary, CaseView } from '@/lib/api/views';
import { linkedIds } from '@/lib/selection';

const TimelineCanvas = dynamic(() => import('../../../_components/timeline/timeline-canvas').then((m) => m.TimelineCanvas), { ssr: false });

declare global {
  interface Window {
    /** Set for scripts/bench-client.ts: when the shell mounted (performance.now()). */
    __twBenchMounted?: number;
  }
}

const noop = () => {};

/** The timeline canvas exactly as the case page uses it for a large case, with nothing else around it. */
export function BenchTimeline({ summary }: { summary: CaseSummary }) {
  const view = useMemo<CaseView>(() => ({ case: summary, events: [], graph: { nodes: [], edges: [], participations: [] }, sources: [] }), [summary]);
  const linked = useMemo(() => linkedIds({ selected: null, hovered: null }, view), [view]);
  const remote = useMemo(() => ({ caseId: summary.id, hideKinds: [], hideStatuses: [] }), [summary.id]);
  useEffect(() => {
    window.__twBenchMounted = performance.now();
  }, []);
  return <TimelineCanvas view={view} linked={linked} onSelect={noop} onHover={noop} lanes={null} window={null} onWindowChange={noop} remote={remote} />;
}
