'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { CaseView } from '@/lib/api/views';
import { initialSelection, linkedIds, selectionReducer, type SelectionTarget } from '@/lib/selection';
import { DetailsPanel } from '../../_components/details/details-panel';
import { EntityTypeKey } from '../../_components/entity-type-key';
import { EntityList } from '../../_components/network/entity-list';
import { EventList } from '../../_components/timeline/event-list';
import type { ViewProps } from '../../_components/view-props';

// The canvases touch `window` and own browser-only libraries: client-only, loaded after mount.
const TimelineCanvas = dynamic(() => import('../../_components/timeline/timeline-canvas').then((m) => m.TimelineCanvas), {
  ssr: false,
  loading: () => <CanvasPlaceholder className="tw-canvas-timeline" text="Loading the timeline…" />,
});
const NetworkCanvas = dynamic(() => import('../../_components/network/network-canvas').then((m) => m.NetworkCanvas), {
  ssr: false,
  loading: () => <CanvasPlaceholder className="tw-canvas-network" text="Loading the network…" />,
});

/**
 * The case page's client shell: one selection state (lib/selection.ts) shared by the timeline,
 * the network, their list views and the details panel.
 */
export function CaseExplorer({ view }: { view: CaseView }) {
  const [state, dispatch] = useReducer(selectionReducer, initialSelection);
  const linked = useMemo(() => linkedIds(state, view), [state, view]);
  const onSelect = useCallback(
    (target: SelectionTarget | null) => dispatch(target ? { type: 'select', target } : { type: 'clear' }),
    [],
  );
  const onHover = useCallback((target: SelectionTarget | null) => dispatch({ type: 'hover', target }), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) dispatch({ type: 'clear' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const props: ViewProps = { view, linked, onSelect, onHover };
  const selectedName = nameOf(state.selected, view);

  return (
    <div className="tw-explorer">
      <div className="tw-views">
        <div className="tw-selection-bar">
          <p className="tw-selection-text">
            {state.selected && selectedName ? (
              <>
                <span className="tw-field-label">Selected {state.selected.kind}</span>
                <strong>{selectedName}</strong>
              </>
            ) : (
              <span className="tw-view-hint">
                Nothing selected. Click an event or an entity to link the two views and read its sources.
              </span>
            )}
          </p>
          {state.selected ? (
            <>
              <a className="tw-button" href="#tw-details">
                Read the details
              </a>
              <button type="button" className="tw-button" onClick={() => dispatch({ type: 'clear' })}>
                Clear selection
              </button>
            </>
          ) : null}
        </div>

        <section className="tw-view" aria-labelledby="tw-timeline-heading">
          <div className="tw-view-head">
            <h2 id="tw-timeline-heading">Timeline</h2>
            <p className="tw-view-hint">Drag to pan; Ctrl + scroll or the buttons to zoom.</p>
          </div>
          <TimelineCanvas {...props} />
          <EventList {...props} />
        </section>

        <section className="tw-view" aria-labelledby="tw-network-heading">
          <div className="tw-view-head">
            <h2 id="tw-network-heading">Network</h2>
            <p className="tw-view-hint">Relationships stated in the sources. Drag to pan; pinch or the buttons to zoom.</p>
          </div>
          <NetworkCanvas {...props} />
          <EntityTypeKey />
          <EntityList {...props} />
        </section>
      </div>

      <DetailsPanel target={state.selected} view={view} onSelect={onSelect} />
    </div>
  );
}

function nameOf(target: SelectionTarget | null, view: CaseView): string | null {
  if (!target) return null;
  if (target.kind === 'event') return view.events.find((e) => e.id === target.id)?.title ?? null;
  return view.graph.nodes.find((n) => n.id === target.id)?.name ?? null;
}

function CanvasPlaceholder({ className, text }: { className: string; text: string }) {
  return (
    <>
      <div className="tw-toolbar" aria-hidden="true" style={{ visibility: 'hidden' }}>
        <span className="tw-button">Zoom in</span>
      </div>
      <div className={`tw-canvas tw-canvas-loading ${className}`}>
        <p className="tw-loading">{text}</p>
      </div>
    </>
  );
}
