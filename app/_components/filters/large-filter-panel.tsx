'use client';

import { useEffect, useState } from 'react';
import { EventFacets } from '@/lib/api/large-case';
import { hiddenSummary, isEmptyFilters, type FilterAction, type Filters } from '@/lib/filters';
import { facetTotals, hiddenEventCount } from '@/lib/views/event-facets';
import { EventFacetFields, FiltersSummary, ShowEverything } from './filter-panel';

interface Props {
  caseId: string;
  filters: Filters;
  dispatch: (action: FilterAction) => void;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The filters of a large case: event status and kind, the two the database applies to the
 * timeline's windows and the window's network. Each value comes with how many of the case's events
 * have it (GET /api/cases/{id}/facets, read once, when the panel is first opened or a filter is on).
 * Entity types, publishers and sources would need the whole case in the browser.
 */
export function LargeFilterPanel({ caseId, filters, dispatch }: Props) {
  const [facets, setFacets] = useState<EventFacets | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);
  // The counts sum every day's rollup of the case (36 ms at 1M events): asked for only when the
  // panel is opened, or when a filter is on and the closed panel says how many events it hides.
  const wanted = opened || filters.statuses.length > 0 || filters.eventKinds.length > 0;
  useEffect(() => {
    if (!wanted || facets) return;
    const controller = new AbortController();
    fetch(`/api/cases/${encodeURIComponent(caseId)}/facets`, { signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`the filters could not be counted (HTTP ${res.status})`);
        setFacets(EventFacets.parse(await res.json()));
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : 'the filters could not be counted');
      });
    return () => controller.abort();
  }, [caseId, wanted, facets]);

  const totals = facets ? facetTotals(facets) : null;
  const hidden = facets ? hiddenEventCount(facets, filters.eventKinds, filters.statuses) : null;
  const summary = hidden === null ? (isEmptyFilters(filters) ? null : 'some events hidden by filters') : hiddenSummary({ events: hidden, entities: 0, relationships: 0 });
  return (
    <details className="tw-filters" onToggle={(e) => setOpened(e.currentTarget.open)}>
      <FiltersSummary hidden={summary} />
      {error ? <p role="alert">{capitalise(error)}.</p> : null}
      {totals ? (
        <div className="tw-filter-groups">
          <EventFacetFields statusCounts={new Map(totals.statuses)} kindCounts={new Map(totals.kinds)} filters={filters} dispatch={dispatch} />
        </div>
      ) : error ? null : (
        <p className="tw-list-meta">Counting the events…</p>
      )}
      <p className="tw-filter-note">
        Counts are the whole case&apos;s. A large case filters its events by status and kind; the network shows the entities of the events still shown.
      </p>
      <ShowEverything filters={filters} dispatch={dispatch} />
    </details>
  );
}
