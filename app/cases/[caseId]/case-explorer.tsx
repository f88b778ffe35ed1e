'use client';

import '@/lib/zod-browser';
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { CaseView } from '@/lib/api/views';
import { applyFilters, filtersReducer } from '@/lib/filters';
import { linkedIds, sameTarget, selectionReducer, type SelectionTarget } from '@/lib/selection';
import { LANE_MODES, decodeExploreState, encodeExploreState, type LaneMode, type TimeWindow } from '@/lib/url-state';
import { edgesValidIn } from '@/lib/views/graph-window';
import { addedBy, collapse, expand, focusOn, focusScope, type Hops } from '@/lib/views/network-focus';
import { decodeNetworkState, encodeNetworkState, sameNetworkState, type NetworkViewState } from '@/lib/views/network-url-state';
import { networkModel, type NetworkMode } from '@/lib/views/network-views';
import { LARGE_TIMELINE_EVENTS } from '@/lib/views/timeline-buckets';
import { LANE_LABELS, timelineLanes } from '@/lib/views/timeline-lanes';
import { EmbedDialog } from './embed-dialog';
import { DetailsPanel } from '../../_components/details/details-panel';
import { EntityTypeKey } from '../../_components/entity-type-key';
import { FilterPanel } from '../../_components/filters/filter-panel';
import { EntityList } from '../../_components/network/entity-list';
import { NetworkControls } from '../../_components/network/network-controls';
import { useNeighbourhoods } from '../../_components/network/use-neighbourhoods';
import { SearchBox } from '../../_components/search/search-box';
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
 * the network, their list views and the details panel; filters (lib/filters.ts) applied to both
 * views; the network's view and focus mode (lib/views/network-*.ts); and all of it mirrored in
 * the URL (lib/url-state.ts, lib/views/network-url-state.ts). A new selection and a change of the
 * network's view or focus are new history entries, so back/forward move between them; window,
 * lanes and filters replace the entry.
 */
export function CaseExplorer({ view, initialQuery }: { view: CaseView; initialQuery: string }) {
  const [initial] = useState(() => decodeExploreState(initialQuery));
  const [state, dispatch] = useReducer(selectionReducer, { selected: initial.selected, hovered: null });
  const [filters, dispatchFilters] = useReducer(filtersReducer, initial.filters);
  const [lanes, setLanes] = useState<LaneMode>(initial.lanes);
  const [timeWindow, setTimeWindow] = useState<TimeWindow | null>(initial.window);
  const [followWindow, setFollowWindow] = useState(true);
  const [network, setNetwork] = useState<NetworkViewState>(() => decodeNetworkState(initialQuery));

  const filtered = useMemo(() => applyFilters(view, filters), [view, filters]);
  const windowed = useMemo(
    () => (followWindow ? edgesValidIn(filtered.view.graph, timeWindow) : { graph: filtered.view.graph, outside: 0 }),
    [filtered, followWindow, timeWindow],
  );
  // What both views draw: the filtered case, with the graph as of the visible window.
  const shown = useMemo(
    () => (windowed.graph === filtered.view.graph ? filtered.view : { ...filtered.view, graph: windowed.graph }),
    [filtered, windowed],
  );
  const linked = useMemo(() => linkedIds(state, shown), [state, shown]);

  // The network: the chosen view of what is shown, restricted in focus mode to the union of the
  // neighbourhood answers (lib/views/network-focus.ts); filters and the window still apply.
  const hood = useNeighbourhoods(network.focus);
  const focused = useMemo(() => (network.focus ? focusScope(network.focus, hood.answers) : null), [network.focus, hood.answers]);
  const netModel = useMemo(() => networkModel(shown, network.mode, focused?.scope ?? null), [shown, network.mode, focused]);
  const selectedEntity = state.selected?.kind === 'entity' ? state.selected.id : null;
  const collapseRemoves = useMemo(() => {
    if (!network.focus || !selectedEntity) return 0;
    const removed = addedBy(network.focus, hood.answers, selectedEntity);
    return removed.entityIds.size + (network.mode === 'bipartite' ? removed.eventIds.size : 0);
  }, [network.focus, network.mode, hood.answers, selectedEntity]);
  const setMode = useCallback((mode: NetworkMode) => setNetwork((n) => (n.mode === mode ? n : { ...n, mode })), []);
  const onFocus = useCallback((id: string) => setNetwork((n) => ({ ...n, focus: focusOn(id) })), []);
  const onExpand = useCallback((id: string, hops: Hops) => setNetwork((n) => (n.focus ? { ...n, focus: expand(n.focus, id, hops) } : n)), []);
  const onCollapse = useCallback((id: string) => setNetwork((n) => (n.focus ? { ...n, focus: collapse(n.focus, id) } : n)), []);
  const onShowWhole = useCallback(() => setNetwork((n) => (n.focus ? { ...n, focus: null } : n)), []);
  const laneSet = useMemo(() => timelineLanes(lanes, shown), [lanes, shown]);

  const onSelect = useCallback(
    (target: SelectionTarget | null) => dispatch(target ? { type: 'select', target } : { type: 'clear' }),
    [],
  );
  const onHover = useCallback((target: SelectionTarget | null) => dispatch({ type: 'hover', target }), []);
  const onWindowChange = useCallback((w: TimeWindow) => {
    setTimeWindow((old) => (old && old.start === w.start && old.end === w.end ? old : w));
  }, []);
  const isVisible = useCallback(
    (t: SelectionTarget) =>
      t.kind === 'event' ? filtered.view.events.some((e) => e.id === t.id) : filtered.view.graph.nodes.some((n) => n.id === t.id),
    [filtered],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) dispatch({ type: 'clear' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // State → URL. The selection and network last written, to tell navigation (push) from the rest (replace).
  const lastSelected = useRef(initial.selected);
  const lastNetwork = useRef(network);
  useEffect(() => {
    const query = encodeNetworkState(network, new URLSearchParams(encodeExploreState({ selected: state.selected, window: timeWindow, lanes, filters }))).toString();
    const target = `${window.location.pathname}${query ? `?${query}` : ''}`;
    const navigated = !sameTarget(lastSelected.current, state.selected) || !sameNetworkState(lastNetwork.current, network);
    lastSelected.current = state.selected;
    lastNetwork.current = network;
    if (target === `${window.location.pathname}${window.location.search}`) return;
    if (navigated) window.history.pushState(null, '', target);
    else window.history.replaceState(null, '', `${target}${window.location.hash}`);
  }, [state.selected, timeWindow, lanes, filters, network]);

  // URL → state, on back/forward.
  useEffect(() => {
    const onPop = () => {
      const s = decodeExploreState(window.location.search);
      const n = decodeNetworkState(window.location.search);
      lastSelected.current = s.selected;
      lastNetwork.current = n;
      setNetwork((old) => (sameNetworkState(old, n) ? old : n));
      dispatch(s.selected ? { type: 'select', target: s.selected } : { type: 'clear' });
      dispatchFilters({ type: 'replace', filters: s.filters });
      setLanes(s.lanes);
      setTimeWindow(s.window);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const props: ViewProps = { view: shown, linked, onSelect, onHover };
  // A large case's timeline loads per window from the aggregation API (counts when zoomed out);
  // the database applies the kind and status filters, the others only reach the list views.
  const remoteTimeline = useMemo(
    () =>
      view.case.eventCount > LARGE_TIMELINE_EVENTS
        ? { caseId: view.case.id, hideKinds: filters.eventKinds, hideStatuses: filters.statuses }
        : null,
    [view.case.eventCount, view.case.id, filters.eventKinds, filters.statuses],
  );
  const selectedName = nameOf(state.selected, view);

  return (
    <div className="tw-explorer">
      <div className="tw-views">
        <div className="tw-tools">
          <SearchBox caseId={view.case.id} onSelect={onSelect} isVisible={isVisible} />
          <FilterPanel view={view} filters={filters} hidden={filtered.hidden} dispatch={dispatchFilters} />
          <EmbedDialog caseId={view.case.id} caseTitle={view.case.title} focus={state.selected} window={timeWindow} filters={filters} />
        </div>

        <div className="tw-selection-bar">
          <p className="tw-selection-text">
            {state.selected && selectedName ? (
              <>
                <span className="tw-field-label">Selected {state.selected.kind}</span>
                <strong>{selectedName}</strong>
                {!isVisible(state.selected) ? <span className="tw-list-meta"> (hidden by filters)</span> : null}
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
            <label className="tw-inline-field">
              Lanes{' '}
              <select value={lanes} onChange={(e) => setLanes(e.target.value as LaneMode)} data-testid="lanes">
                {LANE_MODES.map((m) => (
                  <option key={m} value={m}>
                    {LANE_LABELS[m]}
                  </option>
                ))}
              </select>
            </label>
            <p className="tw-view-hint">Drag to pan; Ctrl + scroll or the buttons to zoom. Tab to the timeline and use the arrow keys.</p>
          </div>
          <TimelineCanvas {...props} lanes={laneSet} window={timeWindow} onWindowChange={onWindowChange} remote={remoteTimeline} />
          <EventList {...props} />
        </section>

        <section className="tw-view" aria-labelledby="tw-network-heading">
          <div className="tw-view-head">
            <h2 id="tw-network-heading">Network</h2>
            <p className="tw-view-hint">
              Solid arrows: relationships stated in the sources; dashed lines: shared events. Drag to pan; pinch or the buttons to zoom.
            </p>
          </div>
          <div className="tw-window-follow">
            <label className="tw-check">
              <input type="checkbox" checked={followWindow} onChange={(e) => setFollowWindow(e.target.checked)} />
              <span>Only relationships valid in the timeline&rsquo;s visible window</span>
            </label>
            <span className="tw-list-meta" data-testid="window-outside" aria-live="polite">
              {windowed.outside > 0
                ? `${windowed.outside} ${windowed.outside === 1 ? 'relationship is' : 'relationships are'} outside the window`
                : ''}
            </span>
          </div>
          <NetworkControls
            mode={network.mode}
            onMode={setMode}
            focus={network.focus}
            nameOf={(id) => view.graph.nodes.find((n) => n.id === id)?.name ?? 'this entity'}
            selectedEntity={selectedEntity}
            selectedDrawn={selectedEntity !== null && netModel.summaries.has(selectedEntity)}
            drawn={{ entities: netModel.entities.length, events: netModel.events.length }}
            loading={(focused?.pending.length ?? 0) > 0 && hood.errors.size === 0}
            truncated={focused?.truncated ?? false}
            error={hood.errors.size ? [...hood.errors.values()][0]! : null}
            collapseRemoves={collapseRemoves}
            onFocus={onFocus}
            onExpand={onExpand}
            onCollapse={onCollapse}
            onShowWhole={onShowWhole}
            onRetry={hood.retry}
          />
          <NetworkCanvas {...props} model={netModel} />
          <EntityTypeKey />
          <EntityList {...props} model={netModel} />
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
