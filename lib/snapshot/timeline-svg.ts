import type { EventListItem } from '../api/views';
import { EVENT_STATUSES, type EventStatus } from '../model/vocab';
import type { TimeWindow } from '../url-state';
import { STATUS_DISPLAY } from '../views/display';
import { compareTimelineItems, timelineItem, type TimelineItem } from '../views/timeline-items';
import { MARGIN, type LegendItem } from './frame';
import { GRID, INK, MUTED, STATUS_SVG, circleShape, rectShape, statusShape } from './style';
import { esc, num, textWidth, truncate } from './text';

/**
 * The timeline as SVG: a time axis with ticks, each event as a point (a precise day or minute) or a
 * bar (a range, or a date known only to the month or year, or approximate: drawn over its whole
 * interval with faded ends, as on the case page), in its status's encoding, with its title, date
 * and status in words. Labels never overlap: events are packed into rows, each taking the first
 * row where its mark and label fit. Pure: the same events and options give the same string.
 */
export const MAX_ROWS = 40;
const ROW_H = 48;
const TITLE_SIZE = 12;
const META_SIZE = 10.5;
const AXIS_H = 34;

const MS_HOUR = 3_600_000;
const MS_DAY = 24 * MS_HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Floating wall-clock ("2022-01-05T12:00:00") → ms, the same reading as the timeline's axis. */
const msOf = (floating: string) => Date.parse(`${floating.length === 16 ? `${floating}:00` : floating}Z`);

export interface TimelineDrawing {
  svg: string;
  height: number;
  /** Events drawn, and those in the window that did not fit (over MAX_ROWS rows). */
  drawn: TimelineItem[];
  notDrawn: number;
  domain: { start: number; end: number };
}

/** Events whose interval touches the window [start, end); all of them without a window. */
export function eventsInWindow(events: readonly EventListItem[], window: TimeWindow | null): TimelineItem[] {
  const items = events.map((e) => timelineItem(e));
  if (!window) return items;
  const a = msOf(window.start);
  const b = msOf(window.end);
  return items.filter((i) => {
    const s = msOf(i.start);
    const e = i.end ? msOf(i.end) : s;
    return i.end ? e > a && s < b : s >= a && s < b;
  });
}

type Unit = 'hour' | 'day' | 'month' | 'year';
const STEPS: ReadonlyArray<[Unit, number]> = [
  ['hour', 1], ['hour', 3], ['hour', 6], ['hour', 12],
  ['day', 1], ['day', 2], ['day', 7], ['day', 14],
  ['month', 1], ['month', 3], ['month', 6],
  ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 25], ['year', 50], ['year', 100],
];
const approxMs = (u: Unit, n: number) => n * (u === 'hour' ? MS_HOUR : u === 'day' ? MS_DAY : u === 'month' ? 30.4 * MS_DAY : 365.25 * MS_DAY);

/** Ticks at calendar boundaries, as many as fit at about one per 100 px. */
export function ticks(start: number, end: number, plotWidth: number): { at: number; label: string }[] {
  const maxTicks = Math.max(2, Math.floor(plotWidth / 100));
  const [unit, n] = STEPS.find(([u, k]) => (end - start) / approxMs(u, k) <= maxTicks) ?? STEPS[STEPS.length - 1]!;
  const d = new Date(start);
  // First boundary at or after `start`.
  let t: Date;
  if (unit === 'hour') t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Math.ceil(d.getUTCHours() / n) * n));
  else if (unit === 'day') t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  else if (unit === 'month') t = new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / n) * n, 1));
  else t = new Date(Date.UTC(Math.floor(d.getUTCFullYear() / n) * n, 0, 1));
  const next = (x: Date) =>
    unit === 'hour'
      ? new Date(x.getTime() + n * MS_HOUR)
      : unit === 'day'
        ? new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate() + n))
        : unit === 'month'
          ? new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + n, 1))
          : new Date(Date.UTC(x.getUTCFullYear() + n, 0, 1));
  while (t.getTime() < start) t = next(t);
  const out: { at: number; label: string }[] = [];
  let previous: Date | null = null;
  for (let i = 0; t.getTime() <= end && i < 200; i++, t = next(t)) {
    const y = t.getUTCFullYear();
    const newYear = !previous || previous.getUTCFullYear() !== y;
    const newDay = !previous || previous.getUTCDate() !== t.getUTCDate() || previous.getUTCMonth() !== t.getUTCMonth();
    const dm = `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]}`;
    const label =
      unit === 'year'
        ? `${y}`
        : unit === 'month'
          ? `${MONTHS[t.getUTCMonth()]}${newYear ? ` ${y}` : ''}`
          : unit === 'day'
            ? `${dm}${newYear ? ` ${y}` : ''}`
            : `${newDay ? `${dm} ` : ''}${String(t.getUTCHours()).padStart(2, '0')}:00`;
    out.push({ at: t.getTime(), label });
    previous = t;
  }
  return out;
}

function domainOf(items: readonly TimelineItem[], window: TimeWindow | null): { start: number; end: number } {
  if (window) return { start: msOf(window.start), end: msOf(window.end) };
  if (!items.length) {
    const now = Date.UTC(2000, 0, 1);
    return { start: now, end: now + MS_DAY };
  }
  const starts = items.map((i) => msOf(i.start));
  const ends = items.map((i) => (i.end ? msOf(i.end) : msOf(i.start)));
  let start = Math.min(...starts);
  let end = Math.max(...ends);
  // At least four days: a lone day-precision event on an hour axis would look more precise than it is.
  if (end - start < 4 * MS_DAY) {
    const pad = (4 * MS_DAY - (end - start)) / 2;
    start -= pad;
    end += pad;
  }
  const pad = (end - start) * 0.04;
  return { start: start - pad, end: end + pad };
}

function metaOf(i: TimelineItem): string {
  const uncertain = i.className.split(' ').includes('tw-uncertain');
  return `${i.label.date} · ${i.label.statusLabel}${uncertain ? ' · date uncertain' : ''}`;
}

/** The drawing of the timeline body, in a box `width` wide whose top is y = 0. */
export function drawTimeline(events: readonly EventListItem[], window: TimeWindow | null, width: number): TimelineDrawing {
  const items = eventsInWindow(events, window).sort(compareTimelineItems);
  const domain = domainOf(items, window);
  const left = MARGIN;
  const right = width - MARGIN;
  const plotW = right - left;
  const x = (ms: number) => left + ((ms - domain.start) / (domain.end - domain.start)) * plotW;
  const clampX = (v: number) => Math.min(right, Math.max(left, v));
  const maxLabel = Math.max(140, plotW * 0.6);

  const rows: Array<Array<[number, number]>> = [];
  const placed: Array<{ item: TimelineItem; row: number; x0: number; x1: number; tx: number; title: string; meta: string }> = [];
  let notDrawn = 0;
  for (const item of items) {
    const isPoint = item.type === 'point';
    const s = msOf(item.start);
    const x0 = clampX(x(s));
    const x1 = isPoint ? x0 : clampX(x(msOf(item.end!)));
    const title = truncate(`${item.label.mark ? `${item.label.mark} ` : ''}${item.label.title}`, TITLE_SIZE, maxLabel, true);
    const meta = truncate(metaOf(item), META_SIZE, maxLabel);
    const textW = Math.max(textWidth(title, TITLE_SIZE, true), textWidth(meta, META_SIZE));
    let tx = isPoint ? x0 - 6 : x0;
    if (tx + textW > right) tx = Math.max(left, right - textW);
    const occ: [number, number] = [Math.min(tx, x0 - 7) - 2, Math.max(tx + textW, x1 + 7) + 12];
    let row = rows.findIndex((r) => r.every(([a, b]) => occ[1] <= a || occ[0] >= b));
    if (row === -1) {
      if (rows.length >= MAX_ROWS) {
        notDrawn++;
        continue;
      }
      rows.push([]);
      row = rows.length - 1;
    }
    rows[row]!.push(occ);
    placed.push({ item, row, x0, x1, tx, title, meta });
  }

  const plotH = Math.max(1, rows.length) * ROW_H + 8;
  const out: string[] = [];
  const tickList = ticks(domain.start, domain.end, plotW);
  for (const t of tickList) {
    const tx = x(t.at);
    out.push(`<line x1="${num(tx)}" x2="${num(tx)}" y1="0" y2="${num(plotH)}" stroke="${GRID}"/>`);
  }
  // Events in date order in the document, so a screen reader or text extraction reads them in order.
  for (const p of [...placed].sort((a, b) => a.x0 - b.x0 || a.row - b.row)) {
    const top = p.row * ROW_H + 6;
    const status: EventStatus = p.item.label.status;
    const classes = p.item.className.split(' ');
    const markY = top + 36;
    let mark: string;
    if (p.item.type === 'point') {
      mark = statusShape(status, circleShape(p.x0, markY, 6));
    } else {
      const w = Math.max(p.x1 - p.x0, 4);
      mark = statusShape(status, rectShape(p.x0, markY - 5, w, 10));
      const fade = Math.min(28, w * 0.35);
      if (classes.includes('tw-fuzzy-start')) mark += `<rect x="${num(p.x0 - 1)}" y="${num(markY - 7)}" width="${num(fade + 1)}" height="14" fill="url(#tw-fade-start)"/>`;
      if (classes.includes('tw-fuzzy-end')) mark += `<rect x="${num(p.x0 + w - fade)}" y="${num(markY - 7)}" width="${num(fade + 1)}" height="14" fill="url(#tw-fade-end)"/>`;
    }
    const strike = STATUS_SVG[status].strike
      ? `<line x1="${num(p.tx)}" x2="${num(p.tx + textWidth(p.title, TITLE_SIZE, true))}" y1="${num(top + 10)}" y2="${num(top + 10)}" stroke="${INK}" stroke-width="1.2"/>`
      : '';
    out.push(
      `<g class="tw-event tw-status-${status}${classes.includes('tw-uncertain') ? ' tw-uncertain' : ''}" data-status="${status}" data-id="${esc(p.item.id)}">` +
        `<title>${esc(`${p.item.label.title} — ${metaOf(p.item)}`)}</title>` +
        mark +
        `<text x="${num(p.tx)}" y="${num(top + 14)}" font-size="${TITLE_SIZE}" font-weight="bold" fill="${INK}">${esc(p.title)}</text>${strike}` +
        `<text x="${num(p.tx)}" y="${num(top + 27)}" font-size="${META_SIZE}" fill="${MUTED}">${esc(p.meta)}</text>` +
        `</g>`,
    );
  }
  if (!placed.length) {
    out.push(`<text x="${num(left)}" y="30" font-size="12" fill="${MUTED}">No events in this window with these filters.</text>`);
  }
  // The axis under the rows.
  out.push(`<line x1="${num(left)}" x2="${num(right)}" y1="${num(plotH)}" y2="${num(plotH)}" stroke="#6b7280"/>`);
  let lastEnd = -Infinity;
  for (const t of tickList) {
    const tx = x(t.at);
    out.push(`<line x1="${num(tx)}" x2="${num(tx)}" y1="${num(plotH)}" y2="${num(plotH + 5)}" stroke="#6b7280"/>`);
    const w = textWidth(t.label, 10.5);
    const lx = Math.min(Math.max(tx - w / 2, left), right - w);
    if (lx < lastEnd + 6) continue;
    out.push(`<text x="${num(lx)}" y="${num(plotH + 19)}" font-size="10.5" fill="${MUTED}">${esc(t.label)}</text>`);
    lastEnd = lx + w;
  }
  return { svg: `<g class="tw-timeline">${out.join('\n')}</g>`, height: plotH + AXIS_H, drawn: placed.map((p) => p.item), notDrawn, domain };
}

/** Key: every status as drawn, and the uncertain date. */
export function timelineLegend(): LegendItem[] {
  const items: LegendItem[] = EVENT_STATUSES.map((status) => {
    const d = STATUS_DISPLAY[status];
    return { swatch: statusShape(status, rectShape(1, 1, 28, 12)), label: `${d.mark ? `${d.mark} ` : ''}${d.label} (${d.pattern})` };
  });
  items.push({
    swatch:
      statusShape('reported', rectShape(1, 2, 28, 10)) +
      `<rect x="0" y="0" width="9" height="14" fill="url(#tw-fade-start)"/><rect x="21" y="0" width="9" height="14" fill="url(#tw-fade-end)"/>`,
    label: 'Uncertain date (faded ends)',
  });
  return items;
}
