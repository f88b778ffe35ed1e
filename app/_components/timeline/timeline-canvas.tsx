'use client';

import 'vis-timeline/styles/vis-timeline-graph2d.css';
import '../status.css';
import { useEffect, useMemo, useRef } from 'react';
import { DataSet } from 'vis-data';
import { Timeline, type TimelineOptions } from 'vis-timeline';
import { compareTimelineItems, timelineItems, type TimelineItem } from '@/lib/views/timeline-items';
import type { ViewProps } from '../view-props';

/**
 * Owns one vis-timeline instance: created once on a ref, fed through a DataSet that is updated
 * as a diff keyed by event id, destroyed on unmount. Items come from the pure mapper
 * lib/views/timeline-items.ts; this file only talks to the library.
 */
export function TimelineCanvas({ view, linked, onSelect, onHover }: ViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const itemsRef = useRef<DataSet<TimelineItem, 'id'> | null>(null);
  // The event last selected by a click here: already in view, so the timeline must not move.
  const selectedHere = useRef<string | null>(null);
  // false under prefers-reduced-motion; set when the instance is created.
  const animation = useRef<false | { duration: number; easingFunction: 'easeInOutQuad' }>(false);
  // Library callbacks are registered once; they read the latest props through this ref.
  const callbacks = useRef({ onSelect, onHover });
  useEffect(() => {
    callbacks.current = { onSelect, onHover };
  }, [onSelect, onHover]);

  const items = useMemo(() => timelineItems(view.events, linked), [view.events, linked]);
  const byId = useRef(new Map<string, TimelineItem>());
  // Whether this instance has had its first window; later data changes must not move the view.
  const fitted = useRef(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const dataset = new DataSet<TimelineItem, 'id'>();
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
      zoomMin: 1000 * 60 * 60 * 6,
      zoomMax: 1000 * 60 * 60 * 24 * 365 * 10,
      minHeight: 240,
      maxHeight: 560,
      verticalScroll: true,
      margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
      tooltip: { followMouse: true, overflowMethod: 'cap', delay: 250 },
      template: (item: unknown) => renderLabel(item),
      // vis hands `order` its own copies, with dates already turned into Date objects: compare
      // our items, looked up by id, instead.
      order: (a: unknown, b: unknown) => {
        const x = byId.current.get(idOf(a));
        const y = byId.current.get(idOf(b));
        return x && y ? compareTimelineItems(x, y) : 0;
      },
    };
    const timeline = new Timeline(container, dataset, options);
    timelineRef.current = timeline;
    itemsRef.current = dataset;
    fitted.current = false;
    animation.current = reduceMotion ? false : { duration: 300, easingFunction: 'easeInOutQuad' };

    timeline.on('select', (props: unknown) => {
      const id = firstItemId(props, 'items');
      selectedHere.current = id;
      callbacks.current.onSelect(id ? { kind: 'event', id } : null);
    });
    // Previews only where a pointer can hover: on touch screens a tap would leave one stuck.
    if (window.matchMedia('(hover: hover)').matches) {
      timeline.on('itemover', (props: unknown) => {
        const id = firstItemId(props, 'item');
        if (id) callbacks.current.onHover({ kind: 'event', id });
      });
      timeline.on('itemout', () => callbacks.current.onHover(null));
    }

    return () => {
      timeline.destroy();
      timelineRef.current = null;
      itemsRef.current = null;
    };
  }, []);

  // Data: apply the new items as a diff, so vis keeps the DOM of unchanged items.
  useEffect(() => {
    const dataset = itemsRef.current;
    const timeline = timelineRef.current;
    if (!dataset || !timeline) return;
    byId.current = new Map(items.map((i) => [i.id, i]));
    const nextIds = new Set(items.map((i) => i.id));
    const stale = dataset.getIds().filter((id) => !nextIds.has(String(id)));
    if (stale.length) dataset.remove(stale);
    const replace: TimelineItem[] = [];
    const update: TimelineItem[] = [];
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
    if ((replace.length || stale.length) && items.length) {
      const range = paddedRange(items);
      timeline.setOptions({ min: range.min, max: range.max });
      if (!fitted.current) timeline.setWindow(range.start, range.end, { animation: false });
      fitted.current = true;
    }
  }, [items]);

  // Selection: mirror it into vis (setSelection does not fire 'select') and bring it into view.
  const selectedEventId = linked.selected?.kind === 'event' ? linked.selected.id : null;
  useEffect(() => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    timeline.setSelection(selectedEventId ? [selectedEventId] : []);
    const fromElsewhere = selectedEventId !== null && selectedEventId !== selectedHere.current;
    selectedHere.current = null;
    if (fromElsewhere && !timeline.getVisibleItems().map(String).includes(selectedEventId)) {
      timeline.focus(selectedEventId, { animation: animation.current, zoom: false });
    }
  }, [selectedEventId]);

  const zoom = (factor: number) => {
    const timeline = timelineRef.current;
    if (!timeline) return;
    if (factor > 0) timeline.zoomIn(factor, { animation: animation.current });
    else timeline.zoomOut(-factor, { animation: animation.current });
  };
  const fit = () => timelineRef.current?.fit({ animation: animation.current });

  return (
    <>
      <div className="tw-toolbar" role="group" aria-label="Timeline zoom">
        <button type="button" className="tw-button" onClick={() => zoom(0.5)}>
          <span aria-hidden="true">+</span> Zoom in
        </button>
        <button type="button" className="tw-button" onClick={() => zoom(-0.5)}>
          <span aria-hidden="true">−</span> Zoom out
        </button>
        <button type="button" className="tw-button" onClick={fit}>
          Fit all
        </button>
      </div>
      <div
        ref={containerRef}
        className="tw-canvas tw-canvas-timeline"
        role="region"
        aria-label="Timeline of events (pointer only; the list view below offers the same events by keyboard)"
        data-testid="timeline"
      />
    </>
  );
}

/** Builds an item's label as DOM nodes (no HTML strings, so titles can never inject markup). */
function renderLabel(data: unknown): HTMLElement | string {
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

/** The span of all items with some air around it; the timeline cannot be panned far beyond it. */
function paddedRange(items: readonly TimelineItem[]): { start: Date; end: Date; min: Date; max: Date } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const item of items) {
    // Floating wall-clock strings are read as local time, as vis-timeline itself reads them.
    const s = new Date(item.start).getTime();
    const e = item.end ? new Date(item.end).getTime() : s;
    lo = Math.min(lo, s);
    hi = Math.max(hi, e);
  }
  const span = Math.max(hi - lo, 1000 * 60 * 60 * 24);
  const pad = span * 0.04;
  const slack = span * 2;
  return {
    start: new Date(lo - pad),
    end: new Date(hi + pad),
    min: new Date(lo - slack),
    max: new Date(hi + slack),
  };
}

export default TimelineCanvas;
