'use client';

import { useEffect, useMemo, useReducer, useState } from 'react';
import type { TimelineWindow } from '@/lib/api/timeline';
import type { CaseSummary, EventListItem } from '@/lib/api/views';
import { filtersReducer } from '@/lib/filters';
import { linkedIds, type SelectionTarget } from '@/lib/selection';
import { addedBy, focusGraph, focusScope } from '@/lib/views/network-focus';
import { decodeNetworkState, sameNetworkState } from '@/lib/views/network-url-state';
import { networkModel } from '@/lib/views/network-views';
import { timelineLanes } from '@/lib/views/timeline-lanes';
import { eventListItemOf, windowCaseView, windowNetworkNote } from '@/lib/views/window-view';
import { EmbedDialog } from './embed-dialog';
import { NetworkHead, NetworkViews, SelectionBar, TimelineCanvas, TimelineHead, nameOf, useExploreUrl, useExplorerState, useFocusMoves, focusAnswersState } from './explorer-common';
import { DetailsPanel } from '../../_components/details/details-panel';
import { LargeFilterPanel } from '../../_components/filters/large-filter-panel';
import { NetworkControls } from '../../_components/network/network-controls';
import { useNeighbourhoods } from '../../_components/network/use-neighbourhoods';
import { fetchDetail } from '../../_components/details/fetch-detail';
import { useWindowNetwork } from '../../_components/network/use-window-network';
import { SearchBox } from '../../_components/search/search-box';
import type { ViewProps } from '../../_components/view-props';

const always = () => true;

/**
 * The case page's client shell for a large case (over LARGE_TIMELINE_EVENTS events): the browser
 * never holds the whole case. The timeline loads each settled window from the aggregation API
 * (counts per bucket when zoomed out, the events one by one when few); the network is that
 * window's, bounded (GET /api/cases/{id}/network: the most active entities, their relationships
 * and shared events); details come per selection from the API. The same selection state, URL
 * state, list views and details panel as the whole-case explorer (case-explorer.tsx). Its filters
 * are those the database applies, event statuses and kinds (large-filter-panel.tsx); the others a
 * URL may hold are kept in it, unapplied. Focus mode draws the neighbourhood answers' own graphs
 * (focusGraph) instead of the window's network: the page holds no whole case to cut them from.
 */
export function LargeCaseExplorer({ summary, initialQuery }: { summary: CaseSummary; initialQuery: string }) {
  const { initial, state, dispatch, lanes, setLanes, timeWindow, onSelect, onHover, onWindowChange, restore } = useExplorerState(initialQuery);
  // The network's focus, in the URL. Its view (mode) is the whole-case explorer's choice, kept in
  // the URL untouched: this page draws shared events as links, the only view its data allows.
  const [network, setNetwork] = useState(() => decodeNetworkState(initialQuery));
  const [answer, setAnswer] = useState<TimelineWindow | null>(null);
  const [filters, dispatchFilters] = useReducer(filtersReducer, initial.filters);

  const remote = useMemo(
    () => ({ caseId: summary.id, hideKinds: filters.eventKinds, hideStatuses: filters.statuses }),
    [summary.id, filters.eventKinds, filters.statuses],
  );
  // The network follows the window the timeline loaded (so the two always show the same time).
  const windowNet = useWindowNetwork(answer ? { ...remote, from: answer.from, to: answer.to } : null);
  const selectedEvent = useEventOutsideWindow(state.selected, answer);
  const hood = useNeighbourhoods(network.focus);
  const focused = useMemo(() => (network.focus ? { ...focusScope(network.focus, hood.answers), ...focusGraph(network.focus, hood.answers) } : null), [network.focus, hood.answers]);
  const windowView = useMemo(() => windowCaseView(summary, answer, windowNet.network, selectedEvent), [summary, answer, windowNet.network, selectedEvent]);
  const view = useMemo(() => (focused ? { ...windowView, graph: focused.graph } : windowView), [windowView, focused]);
  const linked = useMemo(() => linkedIds(state, view), [state, view]);
  const netModel = useMemo(
    () => networkModel(view, 'coparticipation', focused?.scope ?? null, focused ? focused.shared : (windowNet.network?.shared ?? [])),
    [view, focused, windowNet.network],
  );
  const selectedEntity = state.selected?.kind === 'entity' ? state.selected.id : null;
  const collapseRemoves = useMemo(
    () => (network.focus && selectedEntity ? addedBy(network.focus, hood.answers, selectedEntity).entityIds.size : 0),
    [network.focus, hood.answers, selectedEntity],
  );
  const focusMoves = useFocusMoves(setNetwork);
  const laneSet = useMemo(() => timelineLanes(lanes, view), [lanes, view]);

  useExploreUrl({ selected: state.selected, window: timeWindow, lanes, filters }, network, (s, n) => {
    setNetwork((old) => (sameNetworkState(old, n) ? old : n));
    dispatchFilters({ type: 'replace', filters: s.filters });
    restore(s);
  });

  const props: ViewProps = { view, linked, onSelect, onHover };
  // An entity the window's network does not draw (found by search, or named in the details).
  const selectedName = nameOf(state.selected, view) ?? (state.selected ? `an ${state.selected.kind} not drawn in this ${focused ? 'focus' : 'window'}` : null);
  const entityName = (id: string) => view.graph.nodes.find((n) => n.id === id)?.name ?? windowView.graph.nodes.find((n) => n.id === id)?.name ?? 'this entity';

  return (
    <div className="tw-explorer" data-testid="large-case-explorer">
      <div className="tw-views">
        <div className="tw-tools">
          <SearchBox caseId={summary.id} onSelect={onSelect} isVisible={always} />
          <LargeFilterPanel caseId={summary.id} filters={filters} dispatch={dispatchFilters} />
          <EmbedDialog caseId={summary.id} caseTitle={summary.title} focus={state.selected} window={timeWindow} filters={filters} />
        </div>

        <SelectionBar selected={state.selected} name={selectedName} hidden={false} onClear={() => dispatch({ type: 'clear' })} />

        <section className="tw-view" aria-labelledby="tw-timeline-heading">
          <TimelineHead lanes={lanes} onLanes={setLanes} />
          <p className="tw-view-hint">
            A large case: zoomed out, the timeline counts the events per period (click a count to zoom in); the window list below says the same in words.
          </p>
          <TimelineCanvas {...props} lanes={laneSet} window={timeWindow} onWindowChange={onWindowChange} remote={remote} onAnswer={setAnswer} />
        </section>

        <section className="tw-view" aria-labelledby="tw-network-heading">
          <NetworkHead>
            {focused ? null : (
              <p className="tw-list-meta" aria-live="polite" data-testid="window-network-note">
                {windowNet.error ? null : windowNet.network ? windowNetworkNote(windowNet.network) : 'Loading the network of this window…'}
                {windowNet.loading && windowNet.network ? ' (updating…)' : ''}
              </p>
            )}
          </NetworkHead>
          <NetworkControls
            mode="coparticipation"
            modes={['coparticipation']}
            onMode={() => {}}
            unfocused="the window's network"
            focus={network.focus}
            nameOf={entityName}
            selectedEntity={selectedEntity}
            selectedDrawn={selectedEntity !== null && netModel.summaries.has(selectedEntity)}
            drawn={{ entities: netModel.entities.length, events: 0 }}
            collapseRemoves={collapseRemoves}
            {...focusAnswersState(focused, hood)}
            {...focusMoves}
          />
          {windowNet.error && !focused ? (
            <p className="tw-net-error" role="alert">
              {capitalise(windowNet.error)}.{' '}
              <button type="button" className="tw-link-button" onClick={windowNet.retry}>
                Try again
              </button>
            </p>
          ) : null}
          <NetworkViews {...props} model={netModel} />
        </section>
      </div>

      <DetailsPanel target={state.selected} view={view} onSelect={onSelect} />
    </div>
  );
}

/**
 * The selected event when the timeline's window does not list it (chosen in search, in the
 * details, or from a link): read from the API, so the timeline can go to it and its participants
 * light up in the network.
 */
function useEventOutsideWindow(selected: SelectionTarget | null, answer: TimelineWindow | null): EventListItem | null {
  const [item, setItem] = useState<EventListItem | null>(null);
  const id = selected?.kind === 'event' ? selected.id : null;
  const listed = id !== null && answer?.mode === 'events' && answer.events.some((e) => e.id === id);
  useEffect(() => {
    if (!id || listed || item?.id === id) return;
    const controller = new AbortController();
    fetchDetail({ kind: 'event', id }, controller.signal).then(
      (d) => {
        if (d.kind === 'event') setItem(eventListItemOf(d.data));
      },
      // The details panel reports the error; the timeline just stays where it is.
      () => {},
    );
    return () => controller.abort();
  }, [id, listed, item]);
  return item && item.id === id ? item : null;
}


function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
