import type { DataItem } from 'vis-timeline';
import type { EventListItem } from '../api/views';
import { compareInstants, formatRange, intervalOf, spanOf } from '../model/partial-date';
import type { EventStatus, Precision } from '../model/vocab';
import type { Linked } from '../selection';
import { STATUS_DISPLAY } from './display';

/**
 * EventListItem[] → vis-timeline items. Pure, so the honesty rules below are unit-tested:
 *
 * - A date is drawn exactly as wide as its evidence. An event known only to the month (or year),
 *   or marked approximate, becomes a range over its whole interval, classed `tw-uncertain` with
 *   fuzzy ends, never a point on a day the sources do not give. Only precise dates (day or minute,
 *   not approximate) and no end become points.
 * - The label never claims more precision than the data: "Jan 2022", "c. 13 Jan 2022".
 * - Status is a class (`tw-status-*`, styled in app/_components/status.css) and, for the doubtful
 *   statuses, a glyph and word in the label: never colour alone.
 *
 * Times are floating wall-clock ("2022-01-05T00:00:00", no zone): the axis shows the dates the
 * sources give, in the event's own time zone, whatever the reader's zone is. A day-precision event
 * in Almaty therefore sits on 5 January for a reader in New York too.
 */

export interface TimelineLabel {
  /** Date as the evidence has it: "Jan 2022", "c. 13 Jan 2022", "13 – c. 23 Jan 2022". */
  date: string;
  title: string;
  status: EventStatus;
  statusLabel: string;
  /** Glyph for alleged/disputed/denied, '' otherwise. */
  mark: string;
}

export interface TimelineItem extends DataItem {
  id: string;
  type: 'point' | 'range';
  start: string;
  end?: string;
  className: string;
  /** Plain text; the canvas renders `label` with DOM nodes, never as HTML. */
  content: string;
  /** Tooltip; HTML-escaped because vis-timeline sets it as HTML. */
  title: string;
  label: TimelineLabel;
}

/** Which items to emphasise; a subset of the selection's Linked so tests can pass plain objects. */
export type TimelineHighlight = Pick<Linked, 'focus' | 'selected' | 'eventIds'>;

const NO_HIGHLIGHT: TimelineHighlight = { focus: null, selected: null, eventIds: new Set() };

function isPrecise(precision: Precision, approximate: boolean): boolean {
  return !approximate && (precision === 'day' || precision === 'minute');
}

/** "2022-01-05T00:00:00.000Z" (wall-clock taken as UTC by intervalOf) → "2022-01-05T00:00:00". */
/** An ISO UTC instant without its zone and milliseconds ("2022-01-05T00:00:00", "-000043-03-15T00:00:00"). */
function floating(isoUtc: string): string {
  return isoUtc.replace(/(\.\d+)?Z$/, '');
}

function midpoint(earliestIso: string, untilIso: string): string {
  const ms = (Date.parse(earliestIso) + Date.parse(untilIso)) / 2;
  return floating(new Date(ms).toISOString());
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function dateLabelOf(e: Pick<EventListItem, 'start' | 'approximate' | 'end' | 'endApproximate'>): string {
  return formatRange(e.start, e.approximate, e.end, e.endApproximate);
}

export function timelineItem(e: EventListItem, highlight: TimelineHighlight = NO_HIGHLIGHT): TimelineItem {
  const status = STATUS_DISPLAY[e.status];
  const label: TimelineLabel = {
    date: dateLabelOf(e),
    title: e.title,
    status: e.status,
    statusLabel: status.label,
    mark: status.mark,
  };
  const classes = ['tw-event', `tw-status-${e.status}`, `tw-precision-${e.precision}`];

  const startPrecise = isPrecise(e.precision, e.approximate);
  const endPrecise = e.end === null || e.endPrecision === null ? true : isPrecise(e.endPrecision, e.endApproximate);

  let type: TimelineItem['type'];
  let start: string;
  let end: string | undefined;
  if (e.end === null && startPrecise) {
    // A precise instant or day: a point, at the middle of its day so it sits inside that day's
    // column whatever the zoom (a minute stays on its minute).
    const interval = intervalOf(e.start);
    type = 'point';
    start = e.precision === 'minute' ? floating(interval.earliest) : midpoint(interval.earliest, interval.until);
  } else {
    const span = spanOf(e.start, e.end);
    type = 'range';
    start = floating(span.earliest);
    end = floating(span.until);
    if (!startPrecise || !endPrecise) classes.push('tw-uncertain');
    if (!startPrecise) classes.push('tw-fuzzy-start');
    if (!endPrecise || (e.end === null && !startPrecise)) classes.push('tw-fuzzy-end');
  }

  if (highlight.focus) classes.push(highlight.eventIds.has(e.id) ? 'tw-highlighted' : 'tw-dimmed');
  if (highlight.selected?.kind === 'event' && highlight.selected.id === e.id) classes.push('tw-selected');

  const tooltip = `${label.title} — ${label.date} · ${status.label}${
    type === 'range' && classes.includes('tw-uncertain') ? ' · date uncertain' : ''
  }`;
  const item: TimelineItem = {
    id: e.id,
    type,
    start,
    className: classes.join(' '),
    content: e.title,
    title: escapeHtml(tooltip),
    label,
  };
  if (end !== undefined) item.end = end;
  return item;
}

export function timelineItems(events: readonly EventListItem[], highlight: TimelineHighlight = NO_HIGHLIGHT): TimelineItem[] {
  return events.map((e) => timelineItem(e, highlight));
}

/** Chronological order for the list view: by earliest possible instant, then end, then title. */
export function sortEventsByDate<T extends Pick<EventListItem, 'start' | 'end' | 'title'>>(events: readonly T[]): T[] {
  const key = (e: T) => spanOf(e.start, e.end);
  return [...events].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (
      compareInstants(ka.earliest, kb.earliest) ||
      compareInstants(ka.until, kb.until) ||
      a.title.localeCompare(b.title, 'en')
    );
  });
}

/**
 * Stacking order for vis-timeline: precisely dated items first (they take the top rows), then the
 * uncertain ones from the narrowest interval to the widest, so the sharp facts are not buried
 * under month-long bars. Ties by start, end and title.
 */
export function compareTimelineItems(a: TimelineItem, b: TimelineItem): number {
  const uncertain = (i: TimelineItem) => i.className.split(' ').includes('tw-uncertain');
  const width = (i: TimelineItem) => (i.end ? Date.parse(`${i.end}Z`) - Date.parse(`${i.start}Z`) : 0);
  const ua = uncertain(a);
  const ub = uncertain(b);
  if (ua !== ub) return ua ? 1 : -1;
  return (
    (ua ? width(a) - width(b) : 0) ||
    compareInstants(`${a.start}Z`, `${b.start}Z`) ||
    compareInstants(`${a.end ?? a.start}Z`, `${b.end ?? b.start}Z`) ||
    a.label.title.localeCompare(b.label.title, 'en')
  );
}
