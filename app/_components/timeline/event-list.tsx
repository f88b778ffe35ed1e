'use client';

import { useMemo } from 'react';
import { sortEventsByDate } from '@/lib/views/timeline-items';
import type { ViewProps } from '../view-props';
import { EventListButton } from './event-list-button';

/**
 * The timeline's text alternative: every event, in date order, with its date as the evidence has
 * it and its status in words. Each entry is a button that selects the event, which also gives the
 * timeline keyboard access. Rendered on the server too, so it works before the canvas loads.
 */
export function EventList({ view, linked, onSelect, onHover }: ViewProps) {
  const events = useMemo(() => sortEventsByDate(view.events), [view.events]);
  return (
    <details className="tw-listview">
      <summary>
        List view <span className="tw-list-meta">({events.length} {events.length === 1 ? 'event' : 'events'})</span>
      </summary>
      <ol aria-label="Events in date order">
        {events.map((e) => {
          const selected = linked.selected?.kind === 'event' && linked.selected.id === e.id;
          const dimmed = linked.focus !== null && !linked.eventIds.has(e.id);
          return (
            <li key={e.id}>
              <EventListButton event={e} selected={selected} dimmed={dimmed} onSelect={(id) => onSelect({ kind: 'event', id })} onHover={onHover} />
            </li>
          );
        })}
      </ol>
    </details>
  );
}
