'use client';

import type { TimelineWindow } from '@/lib/api/timeline';
import type { Linked, SelectionTarget } from '@/lib/selection';
import { describeWidth } from '@/lib/views/timeline-buckets';
import { bucketRangeLabel, bucketSummary } from '@/lib/views/timeline-bucket-items';
import { EventListButton } from './event-list-button';

interface Props {
  answer: TimelineWindow | null;
  error: string | null;
  /** Zooms the timeline to a bucket's interval (floating wall-clock strings). */
  onZoom: (start: string, end: string) => void;
  onSelect: (eventId: string) => void;
  /** The shared selection's highlight: the selected event pressed, the others dimmed when something is in focus. */
  linked?: Linked;
  /** Hover and keyboard focus preview an event in the network. */
  onHover?: (target: SelectionTarget | null) => void;
}

const NUMBER = new Intl.NumberFormat('en');

/**
 * The aggregating timeline's text alternative: what the canvas shows for the current window, in
 * words. Buckets are buttons that zoom into their interval; events are buttons that select them.
 * The summary line is a live region, so a screen reader hears the window change.
 */
export function WindowList({ answer, error, onZoom, onSelect, linked, onHover }: Props) {
  if (error) {
    return (
      <p className="tw-banner tw-banner-error" role="alert">
        {error}
      </p>
    );
  }
  if (!answer) return <p className="tw-view-hint">Loading the timeline…</p>;
  const summary =
    answer.mode === 'buckets'
      ? `${NUMBER.format(answer.total)} events in this window, counted per ${describeWidth(answer.bucketMs)} (${answer.buckets.length} groups). Zoom in to see them one by one.`
      : `${NUMBER.format(answer.events.length)} ${answer.events.length === 1 ? 'event' : 'events'} in this window${
          answer.wider > 0 ? `, and ${NUMBER.format(answer.wider)} dated only to a longer period (zoom out to see them)` : ''
        }.`;
  return (
    <details className="tw-listview" data-testid="timeline-window-list">
      <summary>
        Window list view{' '}
        <span className="tw-list-meta" aria-live="polite" data-testid="timeline-window-summary">
          ({summary})
        </span>
      </summary>
      {answer.mode === 'buckets' ? (
        <ol aria-label="Events in this window, grouped by date">
          {answer.buckets.map((b) => (
            <li key={b.start}>
              <button type="button" className="tw-list-button" onClick={() => onZoom(b.start.slice(0, 19), b.end.slice(0, 19))}>
                <span className="tw-list-date">{bucketRangeLabel(b)}</span>
                <span className="tw-list-title">{bucketSummary(b)}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <ol aria-label="Events in this window, in date order">
          {answer.events.map((e) => (
            <li key={e.id}>
              <EventListButton
                event={e}
                onSelect={onSelect}
                onHover={onHover}
                selected={linked ? linked.selected?.kind === 'event' && linked.selected.id === e.id : undefined}
                dimmed={linked ? linked.focus !== null && !linked.eventIds.has(e.id) : false}
              />
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
