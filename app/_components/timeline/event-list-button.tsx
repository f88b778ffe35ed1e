'use client';

import type { EventListItem } from '@/lib/api/views';
import type { SelectionTarget } from '@/lib/selection';
import { dateLabelOf } from '@/lib/views/timeline-items';
import { StatusBadge } from '../status-badge';

type Hover = (target: SelectionTarget | null) => void;

interface Props {
  event: Pick<EventListItem, 'id' | 'title' | 'status' | 'start' | 'approximate' | 'end' | 'endApproximate'>;
  onSelect: (eventId: string) => void;
  /** Hover and keyboard focus preview the event in the other view, where the list is linked. */
  onHover?: Hover;
  selected?: boolean;
  dimmed?: boolean;
}

/** One event in a text alternative of the timeline: its date as the evidence has it, title, status in words. */
export function EventListButton({ event: e, onSelect, onHover, selected, dimmed = false }: Props) {
  const preview = onHover ? () => onHover({ kind: 'event', id: e.id }) : undefined;
  const clear = onHover ? () => onHover(null) : undefined;
  return (
    <button
      type="button"
      className={`tw-list-button${dimmed ? ' tw-dimmed' : ''}`}
      aria-pressed={selected}
      onClick={() => onSelect(e.id)}
      onMouseEnter={preview}
      onMouseLeave={clear}
      onFocus={preview}
      onBlur={clear}
    >
      <span className="tw-list-date">{dateLabelOf(e)}</span>
      <span className="tw-list-title">{e.title}</span>
      <StatusBadge status={e.status} prefix />
    </button>
  );
}
