'use client';

import 'vis-timeline/styles/vis-timeline-graph2d.css';
import '../status.css';
import './timeline-buckets.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DataSet } from 'vis-data';
import { Timeline, type TimelineOptions } from 'vis-timeline';
import type { TimelineWindow } from '@/lib/api/timeline';
import { wallClockMinute, type TimeWindow } from '@/lib/url-state';
import { BUCKET_ID_PREFIX, bucketItems, type BucketItem } from '@/lib/views/timeline-bucket-items';
import { compareTimelineItems, sortEventsByDate, timelineItem, timelineItems, type TimelineItem } from '@/lib/views/timeline-items';
import type { Lanes } from '@/lib/views/timeline-lanes';
import type { ViewProps } from '../view-props';
import { useTimelineWindow, type RemoteTimeline } from './use-timeline-window';
import { WindowList } from './window-list';

export interface TimelineCanvasProps extends ViewProps {
  /** null: no lanes. */
  lanes: Lanes | null;
  /** The window to show (from the URL); null: fit the case. */
  window: TimeWindow | null;
  /** Every settled change of the visible window, by the user or by the buttons. */
  onWindowChange: (window: TimeWindow) => void;
  /**
   * A large case: the canvas loads each window from the aggregation API (events one by one when
   * few, counts per bucket otherwise) instead of drawing `view.events`. null: draw them all.
   */
  remote?: RemoteTimeline | null;
  /** Every window the aggregating timeline loaded (the large case page follows it with its network). */
  onAnswer?: (answer: TimelineWindow) => void;
}

type LaneItem = TimelineItem & { group?: string };
type CanvasItem = LaneItem | BucketItem;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** The widest window by default: past it the axis is unreadable; a longer case widens it (boundsOf). */
const ZOOM_MAX = DAY * 365 * 10;
const PLAY_INTERVAL_MS = 1200;
/** The air on each side of a fitted span, as a fraction of it (paddedSpan). */
const EDGE_PAD = 0.04;
/**
 * The narrowest a count bar of the aggregating timeline may be drawn: its label, up to "12,345"
 * at 0.8rem with its padding and border, must fit. vis-timeline clips a range item's content, and
 * at 12 px a bar (the width asked for before) showed "26" for 265.
 */
const MIN_BUCKET_PX = 56;
const MAX_BUCKETS_ASKED = 150;

/** How many count bars a span drawn this many pixels wide can hold. */
function bucketsFor(widthPx: number): number {
  return Math.min(MAX_BUCKETS_ASKED, Math.max(1, Math.floor(widthPx / MIN_BUCKET_PX)));
}

/**
 * Owns one vis-timeline instance: created once on a ref, fed through a DataSet that is updated
 * as a diff keyed by event id, destroyed on unmount. Items come from the pure mapper
 * lib/views/timeline-items.ts and lanes from lib/views/timeline-lanes.ts; this file only talks to
 * the library. Keyboard: the canvas is focusable; arrows move between events in date order,
 * Enter selects the one under the cursor (announced in a live region).
 */
export function TimelineCanvas({ view, linked, onSelect, onHover, lanes: wantedLanes, window: wantedWindow, onWindowChange, remote = null, onAnswer }: TimelineCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const itemsRef = useRef<DataSet<CanvasItem, 'id'> | null>(null);
  // The first answer (the whole case) is drawn in the padded fit of its extent: as many buckets
  // as fit that narrower span at MIN_BUCKET_PX, so the fit need not be asked for again.
  const firstBuckets = () => bucketsFor((containerRef.current?.clientWidth ?? 800) / (1 + 2 * EDGE_PAD));
  const { answer, extent, error, request } = useTimelineWindow(remote, firstBuckets);
  useEffect(() => {
    if (answer) onAnswer?.(answer);
  }, [answer, onAnswer]);
  // The event last selected by a click here: already in view, so the timeline must not move.
  const selectedHere = useRef<string | null>(null);
  // false under prefers-reduced-motion; set when the instance is created.
  const animation = useRef<false | { duration: number; easingFunction: 'easeInOutQuad' }>(false);
  // Library callbacks are registered once; they read the latest props through this ref.
  // Every settled window, quiet or not: the aggregating timeline loads it (no-op for small cases).
  const onRange = (w: TimeWindow) => {
    if (!remote) return;
    request({ ...w, buckets: bucketsFor(containerRef.current?.clientWidth ?? 800) });
  };
  const callbacks = useRef({ onSelect, onHover, onWindowChange, onRange });
  useEffect(() => {
    callbacks.current = { onSelect, onHover, onWindowChange, onRange };
  });
  // A window we set ourselves (first fit, restoring a URL): not reported back when vis announces
  // it (which it does 200 ms later, hence a remembered window rather than a flag).
  const quietWindow = useRef<string | null>(null);
  // The first fit of an aggregating timeline to the whole case: the answer already drawn covers
  // it (the padding around the extent holds no event), so it is not asked for again, and the
  // network that follows the timeline's answers loads once.
  const wholeCaseFit = useRef<string | null>(null);

  const [activeId, setActiveId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [playing, setPlaying] = useState(false);

  const ordered = useMemo(() => sortEventsByDate(view.events), [view.events]);
  // Buckets have no lane: while the aggregating timeline shows counts, lanes are set aside.
  const lanes = remote && answer?.mode !== 'events' ? null : wantedLanes;
  const items = useMemo<CanvasItem[]>(() => {
    if (remote && answer?.mode === 'buckets') return bucketItems(answer.buckets);
    const events = remote ? (answer?.mode === 'events' ? answer.events : []) : view.events;
    return timelineItems(events, linked).map((item) => {
      const className = item.id === activeId ? `${item.className} tw-active` : item.className;
      const group = lanes?.laneOf.get(item.id);
      return group ? { ...item, className, group } : { ...item, className };
    });
  }, [remote, answer, view.events, linked, activeId, lanes]);
  const byId = useRef(new Map<string, LaneItem>());
  /** The span the buttons and bounds use: the extent from the API, or the drawn items. */
  const fullRange = () => (remote ? (extent ? paddedSpan(floatingMs(extent.start), floatingMs(extent.end)) : null) : items.length ? paddedRange(items) : null);
  const eventsRef = useRef(view.events);
  eventsRef.current = view.events;
  // Whether this instance has had its first window; later data changes must not move the view.
  const fitted = useRef(false);
  const lanesKey = useRef<string | null>(null);
  const stacked = useRef(true);

  // vis hands `order` its own copies, with dates already turned into Date objects: compare our
  // items, looked up by id, instead.
  const orderEvents = useCallback((a: unknown, b: unknown) => {
    const x = byId.current.get(idOf(a));
    const y = byId.current.get(idOf(b));
    return x && y ? compareTimelineItems(x, y) : 0;
  }, []);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const dataset = new DataSet<CanvasItem, 'id'>();
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const options: TimelineOptions = {
      orientation: { axis: 'top', item: 'top' },
      stack: true,
      selectable: true,
      multiselect: false,
      editable: false,
      showCurrentTime: false,
      // Wheel scrolls the page; Ctrl+wheel (or pinch, or the buttons) zooms.
      zoomKey: 'ctrlKey',
      zoomMin: HOUR * 6,
      zoomMax: ZOOM_MAX,
      minHeight: 240,
      maxHeight: 560,
      verticalScroll: true,
      margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
      tooltip: { followMouse: true, overflowMethod: 'cap', delay: 250 },
      template: (item: unknown) => renderLabel(item),
      groupOrder: 'order',
      // Lane names are entity names: DOM text, never HTML.
      groupTemplate: (group: unknown) => {
        // vis also calls this for its internal "ungrouped" group, with no data.
        if (typeof group !== 'object' || group === null) return '';
        const span = document.createElement('span');
        span.className = 'tw-lane-label';
        span.textContent = 'label' in group ? String(group.label) : '';
        return span;
      },
      order: orderEvents,
    };
    const timeline = new Timeline(container, dataset, options);
    timelineRef.current = timeline;
    itemsRef.current = dataset;
    fitted.current = false;
    lanesKey.current = null;
    stacked.current = true;
    animation.current = reduceMotion ? false : { duration: 300, easingFunction: 'easeInOutQuad' };

    timeline.on('select', (props: unknown) => {
      const id = firstItemId(props, 'items');
      if (id?.startsWith(BUCKET_ID_PREFIX)) {
        // A bucket is not an event: clicking it zooms into its interval instead.
        timeline.setSelection([]);
        const bucket = dataset.get(id);
        if (bucket?.end) timeline.setWindow(bucket.start, bucket.end, { animation: animation.current });
        return;
      }
      selectedHere.current = id;
      callbacks.current.onSelect(id ? { kind: 'event', id } : null);
    });
    timeline.on('rangechanged', (props: unknown) => {
      const w = windowOf(props);
      if (!w) return;
      const key = `${w.start}/${w.end}`;
      const answered = wholeCaseFit.current === key;
      wholeCaseFit.current = null;
      if (!answered) callbacks.current.onRange(w);
      if (quietWindow.current === key) {
        quietWindow.current = null;
        return;
      }
      callbacks.current.onWindowChange(w);
    });
    // Previews only where a pointer can hover: on touch screens a tap would leave one stuck.
    if (window.matchMedia('(hover: hover)').matches) {
      timeline.on('itemover', (props: unknown) => {
        const id = firstItemId(props, 'item');
        if (id && !id.startsWith(BUCKET_ID_PREFIX)) callbacks.current.onHover({ kind: 'event', id });
      });
      timeline.on('itemout', () => callbacks.current.onHover(null));
    }

    return () => {
      timeline.destroy();
      timelineRef.current = null;
      itemsRef.current = null;
    };
  }, []);

  /** Moves the window without reporting it (it came from the URL, or is the first fit). */
  const setWindowQuietly = (start: Date | string, end: Date | string): string | null => {
    const timeline = timelineRef.current;
    if (!timeline) return null;
    timeline.setWindow(start, end, { animation: false });
    const shown = timeline.getWindow();
    quietWindow.current = `${wallClockMinute(shown.start)}/${wallClockMinute(shown.end)}`;
    return quietWindow.current;
  };

  // Data: apply the new items as a diff, so vis keeps the DOM of unchanged items.
  useEffect(() => {
    const dataset = itemsRef.current;
    const timeline = timelineRef.current;
    if (!dataset || !timeline) return;
    byId.current = new Map(items.filter((i): i is LaneItem => 'label' in i).map((i) => [i.id, i]));
    const key = lanes ? lanes.lanes.map((l) => l.id).join('|') : '';
    if (key !== lanesKey.current) {
      // Lanes changed: DataSet.update merges, so a `group` could not be removed by a diff.
      dataset.clear();
      timeline.setGroups(lanes ? new DataSet(lanes.lanes.map((l) => ({ id: l.id, content: '', label: l.label, order: l.order }))) : undefined);
      lanesKey.current = key;
    }
    // Buckets tile the axis edge to edge and never overlap in time, but vis stacks items closer
    // than its horizontal margin: side by side, on one row, they read as a histogram. (vis
    // stacks whatever `stack` says while an `order` function is set: it goes too.)
    const stack = !items.some((item) => 'bucketLabel' in item);
    if (stack !== stacked.current) {
      timeline.setOptions({ stack, order: stack ? orderEvents : undefined });
      stacked.current = stack;
    }
    const nextIds = new Set(items.map((i) => i.id));
    const stale = dataset.getIds().filter((id) => !nextIds.has(String(id)));
    if (stale.length) dataset.remove(stale);
    const replace: CanvasItem[] = [];
    const update: CanvasItem[] = [];
    for (const item of items) {
      const current = dataset.get(item.id);
      if (!current) replace.push(item);
      else if (current.type !== item.type || (current.end === undefined) !== (item.end === undefined)) {
        // DataSet.update merges; a point that became a range must not keep stale fields.
        dataset.remove(item.id);
        replace.push(item);
      } else if (JSON.stringify(current) !== JSON.stringify(item)) update.push(item);
    }
    if (replace.length) dataset.add(replace);
    if (update.length) dataset.update(update);
    if (remote) {
      // Bounds and the first window come from the case's extent, once: the items change with
      // every window and must not move the bounds.
      const range = fullRange();
      if (range && !fitted.current) {
        timeline.setOptions(boundsOf(range));
        if (wantedWindow) setWindowQuietly(wantedWindow.start, wantedWindow.end);
        // Only an answer to the whole case covers the fit (after a filter change the last window
        // asked stands, and this is not the first fit anyway).
        else wholeCaseFit.current = answer?.extent ? setWindowQuietly(range.start, range.end) : null;
        fitted.current = true;
      }
    } else if ((replace.length || stale.length) && items.length) {
      const range = paddedRange(items);
      timeline.setOptions(boundsOf(range));
      if (!fitted.current) {
        if (wantedWindow) setWindowQuietly(wantedWindow.start, wantedWindow.end);
        else setWindowQuietly(range.start, range.end);
      }
      fitted.current = true;
    }
    // wantedWindow is read only for the first fit; later changes go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, lanes, extent]);

  // A window from outside (back/forward restores a URL): follow it unless it is already shown.
  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline || !wantedWindow || !fitted.current) return;
    const current = timeline.getWindow();
    if (wallClockMinute(current.start) !== wantedWindow.start || wallClockMinute(current.end) !== wantedWindow.end) {
      setWindowQuietly(wantedWindow.start, wantedWindow.end);
    }
  }, [wantedWindow]);

  // An event selected elsewhere whose day the aggregating timeline still has to zoom to.
  const pendingDay = useRef<string | null>(null);
  function zoomToPendingDay() {
    const timeline = timelineRef.current;
    const event = pendingDay.current ? eventsRef.current.find((e) => e.id === pendingDay.current) : undefined;
    if (!timeline || !event) return;
    pendingDay.current = null;
    const centre = centreOf(timelineItem(event));
    timeline.setWindow(new Date(centre - DAY / 2), new Date(centre + DAY / 2), { animation: animation.current });
  }

  // Selection: mirror it into vis (setSelection does not fire 'select') and bring it into view.
  const selectedEventId = linked.selected?.kind === 'event' ? linked.selected.id : null;
  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    timeline.setSelection(selectedEventId ? [selectedEventId] : []);
    const fromElsewhere = selectedEventId !== null && selectedEventId !== selectedHere.current;
    selectedHere.current = null;
    if (fromElsewhere && byId.current.has(selectedEventId) && !timeline.getVisibleItems().map(String).includes(selectedEventId)) {
      timeline.focus(selectedEventId, { animation: animation.current, zoom: false });
    } else if (fromElsewhere && remote && !byId.current.has(selectedEventId) && !(wantedWindow && !fitted.current)) {
      // Not loaded (inside a bucket, or outside the window): zoom to its day, which loads it; if
      // the view does not hold the event yet either (the large case page reads it from the API),
      // as soon as it does. Not on the first load of a link that names a window too: it wins.
      pendingDay.current = selectedEventId;
      zoomToPendingDay();
    } else pendingDay.current = null;
  }, [selectedEventId]);
  useEffect(zoomToPendingDay, [view.events]);

  // Play: step the window forward by half its width until it passes the last event.
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const timeline = timelineRef.current;
      const range = fullRange();
      if (!timeline || !range) return setPlaying(false);
      const { start, end } = timeline.getWindow();
      const width = end.getTime() - start.getTime();
      const last = range.end.getTime();
      if (end.getTime() >= last) return setPlaying(false);
      const step = width / 2;
      timeline.setWindow(new Date(start.getTime() + step), new Date(end.getTime() + step), { animation: animation.current });
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
    // fullRange reads items and extent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, items, extent]);

  const zoom = (factor: number) => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    if (factor > 0) timeline.zoomIn(factor, { animation: animation.current });
    else timeline.zoomOut(-factor, { animation: animation.current });
  };
  const fit = () => {
    const timeline = timelineRef.current;
    const range = fullRange();
    if (!timeline || !range) return;
    timeline.setWindow(range.start, range.end, { animation: animation.current });
  };
  /** A week or a day around the selected event if it is on the timeline, else around the middle. */
  const preset = (width: number) => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    const focusItem = selectedEventId ? byId.current.get(selectedEventId) : undefined;
    const { start, end } = timeline.getWindow();
    const centre = focusItem ? centreOf(focusItem) : (start.getTime() + end.getTime()) / 2;
    timeline.setWindow(new Date(centre - width / 2), new Date(centre + width / 2), { animation: animation.current });
  };
  const rewind = () => {
    const timeline = timelineRef.current;
    const range = fullRange();
    if (!timeline || !range) return;
    const { start, end } = timeline.getWindow();
    const first = range.start.getTime();
    timeline.setWindow(new Date(first), new Date(first + (end.getTime() - start.getTime())), { animation: animation.current });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (ordered.length === 0) return;
    const at = activeId ? ordered.findIndex((x) => x.id === activeId) : -1;
    const from = at >= 0 ? at : selectedEventId ? ordered.findIndex((x) => x.id === selectedEventId) : -1;
    let next: number | null = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = from < 0 ? 0 : Math.min(from + 1, ordered.length - 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = from < 0 ? 0 : Math.max(from - 1, 0);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = ordered.length - 1;
    else if ((e.key === 'Enter' || e.key === ' ') && at >= 0) {
      e.preventDefault();
      onSelect({ kind: 'event', id: ordered[at]!.id });
      setAnnouncement(`Selected: ${ordered[at]!.title}.`);
      return;
    }
    if (next === null) return;
    e.preventDefault();
    const event = ordered[next]!;
    setActiveId(event.id);
    const item = byId.current.get(event.id) ?? timelineItem(event);
    const timeline = timelineRef.current;
    if (item && timeline && !timeline.getVisibleItems().map(String).includes(event.id)) {
      timeline.moveTo(new Date(centreOf(item)), { animation: animation.current });
    }
    const label = item?.label;
    setAnnouncement(
      `Event ${next + 1} of ${ordered.length}: ${event.title}, ${label?.date ?? ''}, ${label?.statusLabel ?? event.status}. Press Enter to select.`,
    );
  };

  return (
    <>
      <div className="tw-toolbar" role="group" aria-label="Timeline zoom and playback">
        <button type="button" className="tw-button" onClick={fit}>
          Whole case
        </button>
        <button type="button" className="tw-button" onClick={() => preset(7 * DAY)}>
          Week
        </button>
        <button type="button" className="tw-button" onClick={() => preset(DAY)}>
          Day
        </button>
        <button type="button" className="tw-button" onClick={() => zoom(0.5)}>
          <span aria-hidden="true">+</span> Zoom in
        </button>
        <button type="button" className="tw-button" onClick={() => zoom(-0.5)}>
          <span aria-hidden="true">−</span> Zoom out
        </button>
        <button type="button" className="tw-button" onClick={rewind}>
          To start
        </button>
        <button type="button" className="tw-button" onClick={() => setPlaying((p) => !p)}>
          {playing ? 'Pause' : <><span aria-hidden="true">▶</span> Play</>}
        </button>
      </div>
      <div
        ref={containerRef}
        className="tw-canvas tw-canvas-timeline"
        role="region"
        tabIndex={0}
        aria-label="Timeline of events. Arrow keys move between events, Enter selects."
        data-testid="timeline"
        onKeyDown={onKeyDown}
        onBlur={() => setActiveId(null)}
      />
      <p className="sr-only" aria-live="polite" data-testid="timeline-announcement">
        {announcement}
      </p>
      {remote ? (
        <WindowList
          answer={answer}
          error={error}
          onZoom={(start, end) => timelineRef.current?.setWindow(start, end, { animation: animation.current })}
          onSelect={(id) => onSelect({ kind: 'event', id })}
          linked={linked}
          onHover={onHover}
        />
      ) : null}
    </>
  );
}

/** Builds an item's label as DOM nodes (no HTML strings, so titles can never inject markup). */
function renderLabel(data: unknown): HTMLElement | string {
  if (typeof data === 'object' && data !== null && 'bucketLabel' in data) {
    const count = document.createElement('span');
    count.className = 'tw-bucket-count';
    count.textContent = String(data.bucketLabel);
    return count;
  }
  if (!isTimelineItem(data)) return '';
  const { label } = data;
  const root = document.createElement('span');
  root.className = 'tw-item-label';
  if (label.mark) {
    const flag = document.createElement('span');
    flag.className = 'tw-item-flag';
    flag.textContent = `${label.mark} ${label.statusLabel}`;
    root.append(flag);
  }
  const date = document.createElement('span');
  date.className = 'tw-item-date';
  date.textContent = label.date;
  const title = document.createElement('span');
  title.className = 'tw-item-title';
  title.textContent = label.title;
  root.append(date, title);
  return root;
}

function isTimelineItem(value: unknown): value is TimelineItem {
  if (typeof value !== 'object' || value === null || !('label' in value)) return false;
  const label: unknown = value.label;
  return typeof label === 'object' && label !== null && 'title' in label && 'date' in label;
}

function idOf(data: unknown): string {
  return typeof data === 'object' && data !== null && 'id' in data ? String(data.id) : '';
}

/** vis-timeline's event payloads are untyped: `{ items: Id[] }` for select, `{ item: Id }` for hover. */
function firstItemId(props: unknown, key: 'items' | 'item'): string | null {
  if (typeof props !== 'object' || props === null || !(key in props)) return null;
  const value: unknown = (props as Record<string, unknown>)[key];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' || typeof first === 'number' ? String(first) : null;
}

/** `{ start: Date, end: Date }` of a rangechanged payload, as wall-clock minutes. */
function windowOf(props: unknown): TimeWindow | null {
  if (typeof props !== 'object' || props === null || !('start' in props) || !('end' in props)) return null;
  const { start, end } = props as { start: unknown; end: unknown };
  if (!(start instanceof Date) || !(end instanceof Date)) return null;
  const w = { start: wallClockMinute(start), end: wallClockMinute(end) };
  return w.start < w.end ? w : null;
}

function centreOf(item: TimelineItem): number {
  const s = new Date(item.start).getTime();
  return item.end ? (s + new Date(item.end).getTime()) / 2 : s;
}

/** The span of all items with some air around it; the timeline cannot be panned far beyond it. */
function paddedRange(items: readonly CanvasItem[]): { start: Date; end: Date; min: Date; max: Date } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const item of items) {
    // Floating wall-clock strings are read as local time, as vis-timeline itself reads them.
    const s = new Date(item.start).getTime();
    const e = item.end ? new Date(item.end).getTime() : s;
    lo = Math.min(lo, s);
    hi = Math.max(hi, e);
  }
  return paddedSpan(lo, hi);
}

/** The API's instants are wall-clock read as UTC; the axis reads wall-clock as local time. */
function floatingMs(isoUtc: string): number {
  return new Date(isoUtc.slice(0, 19)).getTime();
}

/**
 * How far the reader may pan and zoom out: to the padded span and twice the case's span beyond
 * it, and at least wide enough to show the whole case at once. A case longer than ZOOM_MAX would
 * otherwise be fitted to a clamped window that cuts its edges, while the counts said "all".
 */
function boundsOf(range: { start: Date; end: Date; min: Date; max: Date }): Pick<TimelineOptions, 'min' | 'max' | 'zoomMax'> {
  return { min: range.min, max: range.max, zoomMax: Math.max(ZOOM_MAX, range.end.getTime() - range.start.getTime()) };
}

/** [lo, hi] (epoch ms on the axis) with some air around it. */
function paddedSpan(lo: number, hi: number): { start: Date; end: Date; min: Date; max: Date } {
  const span = Math.max(hi - lo, DAY);
  const pad = span * EDGE_PAD;
  const slack = span * 2;
  return {
    start: new Date(lo - pad),
    end: new Date(hi + pad),
    min: new Date(lo - slack),
    max: new Date(hi + slack),
  };
}

export default TimelineCanvas;
