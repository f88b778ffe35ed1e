'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useReducer, useRef, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import type { CaseView } from '@/lib/api/views';
import type { NetworkModel } from '@/lib/views/network-views';
import { EntityTypeKey } from '../../_components/entity-type-key';
import { EntityList } from '../../_components/network/entity-list';
import type { NeighbourhoodAnswers } from '../../_components/network/use-neighbourhoods';
import type { ViewProps } from '../../_components/view-props';
import { sameTarget, selectionReducer, type SelectionAction, type SelectionTarget } from '@/lib/selection';
import { LANE_MODES, decodeExploreState, encodeExploreState, type ExploreState, type LaneMode, type TimeWindow } from '@/lib/url-state';
import { collapse, expand, focusOn, type Hops } from '@/lib/views/network-focus';
import { decodeNetworkState, encodeNetworkState, sameNetworkState, type NetworkViewState } from '@/lib/views/network-url-state';
import { LANE_LABELS } from '@/lib/views/timeline-lanes';

/**
 * What the case page's two explorers share: the whole-case one (case-explorer.tsx) and the one for
 * large cases (large-case-explorer.tsx), which reads the case window by window.
 */

// The canvases touch `window` and own browser-only libraries: client-only, loaded after mount.
export const TimelineCanvas = dynamic(() => import('../../_components/timeline/timeline-canvas').then((m) => m.TimelineCanvas), {
  ssr: false,
  loading: () => <CanvasPlaceholder className="tw-canvas-timeline" text="Loading the timeline…" />,
});
export const NetworkCanvas = dynamic(() => import('../../_components/network/network-canvas').then((m) => m.NetworkCanvas), {
  ssr: false,
  loading: () => <CanvasPlaceholder className="tw-canvas-network" text="Loading the network…" />,
});

/**
 * The state both explorers keep alike, from the URL they were opened with: the shared selection
 * (lib/selection.ts), the lanes and the timeline's window, with the callbacks the views call.
 * Escape anywhere clears the selection. `restore` applies what the URL holds on back/forward.
 */
export function useExplorerState(initialQuery: string) {
  const [initial] = useState(() => decodeExploreState(initialQuery));
  const [state, dispatch] = useReducer(selectionReducer, { selected: initial.selected, hovered: null });
  const [lanes, setLanes] = useState<LaneMode>(initial.lanes);
  const [timeWindow, setTimeWindow] = useState<TimeWindow | null>(initial.window);

  const onSelect = useCallback(
    (target: SelectionTarget | null) => dispatch(target ? { type: 'select', target } : { type: 'clear' }),
    [],
  );
  const onHover = useCallback((target: SelectionTarget | null) => dispatch({ type: 'hover', target }), []);
  const onWindowChange = useCallback((w: TimeWindow) => {
    setTimeWindow((old) => (old && old.start === w.start && old.end === w.end ? old : w));
  }, []);
  const restore = useCallback((s: ExploreState) => {
    dispatch(s.selected ? { type: 'select', target: s.selected } : { type: 'clear' });
    setLanes(s.lanes);
    setTimeWindow(s.window);
  }, []);
  useEscapeClears(dispatch);
  return { initial, state, dispatch, lanes, setLanes, timeWindow, onSelect, onHover, onWindowChange, restore };
}

/**
 * Focus mode's moves on the network state (lib/views/network-focus.ts), for NetworkControls:
 * focus on an entity, expand or collapse one, and leave focus mode. Each keeps the same state
 * object when nothing changes, so the URL is not rewritten for nothing.
 */
export function useFocusMoves(setNetwork: Dispatch<SetStateAction<NetworkViewState>>) {
  const onFocus = useCallback((id: string) => setNetwork((n) => ({ ...n, focus: focusOn(id) })), [setNetwork]);
  const onExpand = useCallback((id: string, hops: Hops) => setNetwork((n) => (n.focus ? { ...n, focus: expand(n.focus, id, hops) } : n)), [setNetwork]);
  const onCollapse = useCallback((id: string) => setNetwork((n) => (n.focus ? { ...n, focus: collapse(n.focus, id) } : n)), [setNetwork]);
  const onShowWhole = useCallback(() => setNetwork((n) => (n.focus ? { ...n, focus: null } : n)), [setNetwork]);
  return { onFocus, onExpand, onCollapse, onShowWhole };
}

/** What NetworkControls says of the neighbourhood answers a focus waits for: loading, cut, failed (with the way to retry). */
export function focusAnswersState(focused: { pending: readonly string[]; truncated: boolean } | null, hood: NeighbourhoodAnswers) {
  return {
    loading: (focused?.pending.length ?? 0) > 0 && hood.errors.size === 0,
    truncated: focused?.truncated ?? false,
    error: hood.errors.size ? [...hood.errors.values()][0]! : null,
    onRetry: hood.retry,
  };
}

/** Escape anywhere clears the selection (unless something else handled it). */
export function useEscapeClears(dispatch: (action: SelectionAction) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) dispatch({ type: 'clear' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [dispatch]);
}

/**
 * The explorer's state mirrored in the URL (lib/url-state.ts, lib/views/network-url-state.ts). A
 * new selection and a change of the network's view or focus are new history entries, so
 * back/forward move between them; window, lanes and filters replace the entry. On back/forward
 * `onPop` gets the state the URL holds.
 */
export function useExploreUrl(
  state: ExploreState,
  network: NetworkViewState,
  onPop: (explore: ExploreState, network: NetworkViewState) => void,
) {
  const { selected, window: timeWindow, lanes, filters } = state;
  // The selection and network last written, to tell navigation (push) from the rest (replace).
  const lastSelected = useRef(selected);
  const lastNetwork = useRef(network);
  const popped = useRef(onPop);
  popped.current = onPop;

  // State → URL.
  useEffect(() => {
    const query = encodeNetworkState(network, new URLSearchParams(encodeExploreState({ selected, window: timeWindow, lanes, filters }))).toString();
    const target = `${window.location.pathname}${query ? `?${query}` : ''}`;
    const navigated = !sameTarget(lastSelected.current, selected) || !sameNetworkState(lastNetwork.current, network);
    lastSelected.current = selected;
    lastNetwork.current = network;
    if (target === `${window.location.pathname}${window.location.search}`) return;
    if (navigated) window.history.pushState(null, '', target);
    else window.history.replaceState(null, '', `${target}${window.location.hash}`);
  }, [selected, timeWindow, lanes, filters, network]);

  // URL → state, on back/forward.
  useEffect(() => {
    const onPopState = () => {
      const s = decodeExploreState(window.location.search);
      const n = decodeNetworkState(window.location.search);
      lastSelected.current = s.selected;
      lastNetwork.current = n;
      popped.current(s, n);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
}

/** The selected event's title or entity's name, if the view holds it. */
export function nameOf(target: SelectionTarget | null, view: Pick<CaseView, 'events' | 'graph'>): string | null {
  if (!target) return null;
  if (target.kind === 'event') return view.events.find((e) => e.id === target.id)?.title ?? null;
  return view.graph.nodes.find((n) => n.id === target.id)?.name ?? null;
}

/** What is selected, in words, with the way to its details and to clear it. */
export function SelectionBar({ selected, name, hidden, onClear }: { selected: SelectionTarget | null; name: string | null; hidden: boolean; onClear: () => void }) {
  return (
    <div className="tw-selection-bar">
      <p className="tw-selection-text">
        {selected && name ? (
          <>
            <span className="tw-field-label">Selected {selected.kind}</span>
            <strong>{name}</strong>
            {hidden ? <span className="tw-list-meta"> (hidden by filters)</span> : null}
          </>
        ) : (
          <span className="tw-view-hint">Nothing selected. Click an event or an entity to link the two views and read its sources.</span>
        )}
      </p>
      {selected ? (
        <>
          <a className="tw-button" href="#tw-details">
            Read the details
          </a>
          <button type="button" className="tw-button" onClick={onClear}>
            Clear selection
          </button>
        </>
      ) : null}
    </div>
  );
}

/** The timeline section's heading, lane choice and hint. */
export function TimelineHead({ lanes, onLanes }: { lanes: LaneMode; onLanes: (lanes: LaneMode) => void }) {
  return (
    <div className="tw-view-head">
      <h2 id="tw-timeline-heading">Timeline</h2>
      <label className="tw-inline-field">
        Lanes{' '}
        <select value={lanes} onChange={(e) => onLanes(e.target.value as LaneMode)} data-testid="lanes">
          {LANE_MODES.map((m) => (
            <option key={m} value={m}>
              {LANE_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <p className="tw-view-hint">Drag to pan; Ctrl + scroll or the buttons to zoom. Tab to the timeline and use the arrow keys.</p>
    </div>
  );
}

/** The network section's heading and hint. */
export function NetworkHead({ children }: { children?: ReactNode }) {
  return (
    <div className="tw-view-head">
      <h2 id="tw-network-heading">Network</h2>
      <p className="tw-view-hint">
        Solid arrows: relationships stated in the sources; dashed lines: shared events. Drag to pan; pinch or the buttons to zoom.
      </p>
      {children}
    </div>
  );
}

/** The network canvas, its key, and its text alternative, drawing one model. */
export function NetworkViews({ model, ...props }: ViewProps & { model: NetworkModel }) {
  return (
    <>
      <NetworkCanvas {...props} model={model} />
      <EntityTypeKey />
      <EntityList {...props} model={model} />
    </>
  );
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
