'use client';

import type { CaseView } from '@/lib/api/views';
import { hiddenSummary, isEmptyFilters, type FilterAction, type Filters, type HiddenCounts } from '@/lib/filters';
import { ENTITY_TYPES, EVENT_KINDS, EVENT_STATUSES } from '@/lib/model/vocab';
import { ENTITY_TYPE_DISPLAY, STATUS_DISPLAY } from '@/lib/views/display';

interface Props {
  view: CaseView;
  filters: Filters;
  hidden: HiddenCounts;
  dispatch: (action: FilterAction) => void;
}

export interface Option {
  value: string;
  label: string;
  count: number;
}

const COUNT = new Intl.NumberFormat('en');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Checkboxes for what both views show: ticked means shown. Only values present in the case are
 * offered, each with how many items it has. The hidden count stays visible when the panel is closed.
 */
export function FilterPanel({ view, filters, hidden, dispatch }: Props) {
  const countBy = <T,>(items: readonly T[], key: (x: T) => string | string[]) => {
    const m = new Map<string, number>();
    for (const x of items) for (const k of [key(x)].flat()) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const statusCounts = countBy(view.events, (e) => e.status);
  const kindCounts = countBy(view.events, (e) => e.kind);
  const typeCounts = countBy(view.graph.nodes, (n) => n.type);
  const publisherOf = new Map(view.sources.map((s) => [s.id, s.publisher]));
  const sourceCounts = countBy(view.events, (e) => e.sourceIds);
  const publisherCounts = countBy(view.events, (e) => [...new Set(e.sourceIds.map((id) => publisherOf.get(id) ?? ''))].filter(Boolean));

  return (
    <details className="tw-filters">
      <FiltersSummary hidden={hiddenSummary(hidden)} />
      <div className="tw-filter-groups">
        <EventFacetFields statusCounts={statusCounts} kindCounts={kindCounts} filters={filters} dispatch={dispatch} />
        <Facet
          legend="Entity type"
          options={present(ENTITY_TYPES, typeCounts, (v) => ENTITY_TYPE_DISPLAY[v as keyof typeof ENTITY_TYPE_DISPLAY].label)}
          hidden={filters.entityTypes}
          onToggle={(value) => dispatch({ type: 'toggle', facet: 'entityTypes', value: value as Filters['entityTypes'][number] })}
        />
        <Facet
          legend="Publisher"
          options={[...publisherCounts.keys()].sort().map((p) => ({ value: p, label: p, count: publisherCounts.get(p) ?? 0 }))}
          hidden={filters.publishers}
          onToggle={(value) => dispatch({ type: 'toggle', facet: 'publishers', value })}
        />
        <Facet
          legend="Source"
          options={view.sources.filter((s) => sourceCounts.has(s.id)).map((s) => ({ value: s.id, label: s.title, count: sourceCounts.get(s.id) ?? 0 }))}
          hidden={filters.sourceIds}
          onToggle={(value) => dispatch({ type: 'toggle', facet: 'sourceIds', value })}
        />
      </div>
      <p className="tw-filter-note">
        Hiding entity types keeps their events; hiding a publisher or source hides only the events no other source supports.
      </p>
      <ShowEverything filters={filters} dispatch={dispatch} />
    </details>
  );
}

const present = (values: readonly string[], counts: ReadonlyMap<string, number>, label: (v: string) => string): Option[] =>
  values.filter((v) => counts.has(v)).map((v) => ({ value: v, label: label(v), count: counts.get(v) ?? 0 }));

/**
 * Event status and kind, which both panels offer (the large case's from the database's counts):
 * the values present, in the vocabularies' order, each with its count.
 */
export function EventFacetFields({ statusCounts, kindCounts, filters, dispatch }: {
  statusCounts: ReadonlyMap<string, number>;
  kindCounts: ReadonlyMap<string, number>;
  filters: Filters;
  dispatch: (action: FilterAction) => void;
}) {
  return (
    <>
      <Facet
        legend="Event status"
        options={present(EVENT_STATUSES, statusCounts, (v) => STATUS_DISPLAY[v as keyof typeof STATUS_DISPLAY].label)}
        hidden={filters.statuses}
        onToggle={(value) => dispatch({ type: 'toggle', facet: 'statuses', value: value as Filters['statuses'][number] })}
      />
      <Facet
        legend="Event kind"
        options={present(EVENT_KINDS, kindCounts, capitalise)}
        hidden={filters.eventKinds}
        onToggle={(value) => dispatch({ type: 'toggle', facet: 'eventKinds', value: value as Filters['eventKinds'][number] })}
      />
    </>
  );
}

/** Lifts every filter; shown only while one is on. */
export function ShowEverything({ filters, dispatch }: { filters: Filters; dispatch: (action: FilterAction) => void }) {
  if (isEmptyFilters(filters)) return null;
  return (
    <button type="button" className="tw-button" onClick={() => dispatch({ type: 'reset' })}>
      Show everything
    </button>
  );
}

/** The panel's always-visible line: what the filters hide, in words, or that nothing is. */
export function FiltersSummary({ hidden }: { hidden: string | null }) {
  return (
    <summary>
      Filters{' '}
      <span className="tw-filter-summary" data-testid="hidden-count">
        {hidden ? `(${hidden})` : '(everything shown)'}
      </span>
    </summary>
  );
}

export function Facet({ legend, options, hidden, onToggle }: { legend: string; options: Option[]; hidden: readonly string[]; onToggle: (value: string) => void }) {
  if (options.length === 0) return null;
  return (
    <fieldset className="tw-facet">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="tw-check">
          <input type="checkbox" checked={!hidden.includes(o.value)} onChange={() => onToggle(o.value)} />
          <span>{o.label}</span> <span className="tw-list-meta">({COUNT.format(o.count)})</span>
        </label>
      ))}
    </fieldset>
  );
}
