'use client';

import dynamic from 'next/dynamic';
import { useCallback, useMemo, useReducer, useState } from 'react';
import type { CaseView } from '@/lib/api/views';
import type { EmbedView } from '@/lib/embed/embed-params';
import { linkedIds, selectionReducer, type SelectionTarget } from '@/lib/selection';
import type { TimeWindow } from '@/lib/url-state';
import type { ViewProps } from '../../../_components/view-props';

const TimelineCanvas = dynamic(() => import('../../../_components/timeline/timeline-canvas').then((m) => m.TimelineCanvas), {
  ssr: false,
  loading: () => <p className="tw-loading tw-canvas tw-canvas-timeline">Loading the timeline…</p>,
});
const NetworkCanvas = dynamic(() => import('../../../_components/network/network-canvas').then((m) => m.NetworkCanvas), {
  ssr: false,
  loading: () => <p className="tw-loading tw-canvas tw-canvas-network">Loading the network…</p>,
});

/**
 * The embed's interactive layer: the case page's canvases with the embed's focus and window.
 * The server has already rendered the same events as text (page.tsx), so this only enhances.
 */
export function EmbedViews({ view, show, focus, window }: { view: CaseView; show: EmbedView; focus: SelectionTarget | null; window: TimeWindow | null }) {
  const [state, dispatch] = useReducer(selectionReducer, { selected: focus, hovered: null });
  const [timeWindow, setTimeWindow] = useState<TimeWindow | null>(window);
  const linked = useMemo(() => linkedIds(state, view), [state, view]);
  const onSelect = useCallback((t: SelectionTarget | null) => dispatch(t ? { type: 'select', target: t } : { type: 'clear' }), []);
  const onHover = useCallback((t: SelectionTarget | null) => dispatch({ type: 'hover', target: t }), []);
  const props: ViewProps = { view, linked, onSelect, onHover };
  return (
    <div className={`tw-embed-views tw-embed-${show}`}>
      {show !== 'graph' ? (
        <section className="tw-embed-view" aria-label="Timeline">
          <TimelineCanvas {...props} lanes={null} window={timeWindow} onWindowChange={setTimeWindow} />
        </section>
      ) : null}
      {show !== 'timeline' ? (
        <section className="tw-embed-view" aria-label="Network">
          <NetworkCanvas {...props} />
        </section>
      ) : null}
    </div>
  );
}
