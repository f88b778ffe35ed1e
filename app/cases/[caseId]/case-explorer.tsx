'use client';

import { useCallback, useMemo, useReducer, useState } from 'react';
import type { CaseView } from '@/lib/api/views';
import { applyFilters, filtersReducer } from '@/lib/filters';
import { linkedIds, type SelectionTarget } from '@/lib/selection';
import { edgesValidIn } from '@/lib/views/graph-window';
import { addedBy, focusScope } from '@/lib/views/network-focus';
import { decodeNetworkState, sameNetworkState, type NetworkViewState } from '@/lib/views/network-url-state';
import { networkModel, type NetworkMode } from '@/lib/views/network-views';
import { timelineLanes } from '@/lib/views/timeline-lanes';
import { EmbedDialog } from './embed-dialog';
import { NetworkHead, NetworkViews, SelectionBar, TimelineCanvas, TimelineHead, nameOf, useExploreUrl, useExplorerState, useFocusMoves, focusAnswersState } from './explorer-common';
import { DetailsPanel } from '../../_components/details/details-panel';
import { FilterPanel } from '../../_components/filters/filter-panel';
import { NetworkControls } from '../../_components/network/network-controls';
import { useNeighbourhoods } from '../../_components/network/use-neighbourhoods';
import { SearchBox } from '../../_components/search/search-box';
import { EventList } from '../../_components/timeline/event-list';
import type { ViewProps } from '../../_components/view-props';

/**
 * The case page's client shell for a case the browser can hold whole (up to LARGE_TIMELINE_EVENTS
 * events; a larger one gets large-case-explorer.tsx): one selection state (lib/selection.ts) shared by the timeline,
 * the network, their list views and the details panel; filters (lib/filters.ts) applied to both
 * views; the network's view and focus mode (lib/views/network-*.ts); and all of it mirrored in
 * the URL (lib/url-state.ts, lib/views/network-url-state.ts). A new selection and a change of the
 * network's view or focus are new history entries, so back/forward move between them; window,
 * lanes and filters replace the entry.
 */
export function CaseExplorer({ view, initialQuery }: { view: CaseView; initialQuery: string }) {
  const { initial, state, dispatch, lanes, setLanes, timeWindow, onSelect, onHover, onWindowChange, restore } = useExplorerState(initialQuery);
  const [filters, dispatchFilters] = useReducer(filtersReducer, initial.filters);
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
  const focusMoves = useFocusMoves(setNetwork);
  const laneSet = useMemo(() => timelineLanes(lanes, shown), [lanes, shown]);

  const isVisible = useCallback(
    (t: SelectionTarget) =>
      t.kind === 'event' ? filtered.view.events.some((e) => e.id === t.id) : filtered.view.graph.nodes.some((n) => n.id === t.id),
    [filtered],
  );

  useExploreUrl({ selected: state.selected, window: timeWindow, lanes, filters }, network, (s, n) => {
    setNetwork((old) => (sameNetworkState(old, n) ? old : n));
    dispatchFilters({ type: 'replace', filters: s.filters });
    restore(s);
  });

  const props: ViewProps = { view: shown, linked, onSelect, onHover };
  const selectedName = nameOf(state.selected, view);

  return (
    <div className="tw-explorer">
      <div className="tw-views">
        <div className="tw-tools">
          <SearchBox caseId={view.case.id} onSelect={onSelect} isVisible={isVisible} />
          <FilterPanel view={view} filters={filters} hidden={filtered.hidden} dispatch={dispatchFilters} />
          <EmbedDialog caseId={view.case.id} caseTitle={view.case.title} focus={state.selected} window={timeWindow} filters={filters} />
        </div>

        <SelectionBar
          selected={state.selected}
          name={selectedName}
          hidden={state.selected !== null && !isVisible(state.selected)}
          onClear={() => dispatch({ type: 'clear' })}
        />

        <section className="tw-view" aria-labelledby="tw-timeline-heading">
          <TimelineHead lanes={lanes} onLanes={setLanes} />
          <TimelineCanvas {...props} lanes={laneSet} window={timeWindow} onWindowChange={onWindowChange} />
          <EventList {...props} />
        </section>

        <section className="tw-view" aria-labelledby="tw-network-heading">
          <NetworkHead />
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
            collapseRemoves={collapseRemoves}
            {...focusAnswersState(focused, hood)}
            {...focusMoves}
          />
          <NetworkViews {...props} model={netModel} />
        </section>
      </div>

      <DetailsPanel target={state.selected} view={view} onSelect={onSelect} />
    </div>
  );
}
