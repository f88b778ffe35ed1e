import '../zod';
import { z } from 'zod';
import type { CaseBundle } from '../model/bundle';
import type { Event } from '../model/event';
import { compareInstants, formatRange, intervalOf, parsePartialDate } from '../model/partial-date';
import { escapeHtml } from '../views/timeline-items';
import { InterchangeError, parseJsonText, zodProblems } from './errors';
import { draftToBundle, htmlToText, type DraftDate, type DraftOptions, type DraftSlide, type TimelineDraft } from './timeline-draft';

/**
 * TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html), both ways.
 *
 * Export: one slide per event; start_date/end_date carry exactly the fields the precision has (a
 * month-precision event has {year, month} and no day, so TimelineJS shows "January 2022", never
 * the 1st); minute-precision dates are the event's wall-clock time in its time zone, which
 * TimelineJS shows as is; display_date says "c." for approximate dates; group is the status (or the
 * kind); media credits the sources. Every slide keeps the Timeweave id in unique_id.
 */

export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
}

export interface TimelineJsSlide {
  unique_id?: string;
  start_date?: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date?: string;
  text?: { headline?: string; text?: string };
  media?: { url: string; caption?: string; credit?: string };
  group?: string;
}

export interface TimelineJsDocument {
  title?: TimelineJsSlide;
  events: TimelineJsSlide[];
  eras?: Array<{ start_date: TimelineJsDate; end_date: TimelineJsDate; text?: { headline?: string; text?: string } }>;
  scale?: 'human' | 'cosmological';
}

export type TimelineJsGroupBy = 'status' | 'kind';

export function timelineJsDate(value: string): TimelineJsDate {
  const p = parsePartialDate(value);
  if (!p) throw new RangeError(`not a partial date: ${value}`);
  const d: TimelineJsDate = { year: p.year };
  if (p.precision === 'year') return d;
  d.month = p.month;
  if (p.precision === 'month') return d;
  d.day = p.day;
  if (p.precision === 'day') return d;
  return { ...d, hour: p.hour, minute: p.minute };
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

export function toTimelineJs(bundle: CaseBundle, options: { groupBy?: TimelineJsGroupBy } = {}): TimelineJsDocument {
  const groupBy = options.groupBy ?? 'status';
  const sources = new Map(bundle.sources.map((s) => [s.id, s]));
  const citations = new Map(bundle.citations.map((c) => [c.id, c]));
  const sortKey = (e: Event) => intervalOf(e.start, e.timeZone).earliest;
  const events = [...bundle.events].sort((a, b) => compareInstants(sortKey(a), sortKey(b)) || a.id.localeCompare(b.id));
  return {
    title: { text: { headline: escapeHtml(bundle.case.title), text: paragraphs(bundle.case.summary) } },
    events: events.map((e) => {
      const cited = [...new Set(e.citationIds.map((id) => citations.get(id)?.sourceId).filter((x): x is string => !!x))]
        .map((id) => sources.get(id)!)
        .filter(Boolean);
      const withUrl = cited.find((s) => s.url);
      const slide: TimelineJsSlide = {
        unique_id: e.id,
        start_date: timelineJsDate(e.start),
        display_date: formatRange(e.start, e.approximate, e.end, e.endApproximate),
        text: { headline: escapeHtml(e.title), text: paragraphs(e.description) },
        group: groupBy === 'status' ? e.status : e.kind,
      };
      if (e.end) slide.end_date = timelineJsDate(e.end);
      // The credit names every source the event cites. TimelineJS shows media only when it has a
      // url, so a source without one is still credited without breaking the slide.
      const first = withUrl ?? cited[0];
      if (first) {
        slide.media = {
          url: first.url ?? '',
          caption: escapeHtml(first.title),
          credit: escapeHtml(cited.map((s) => s.publisher).filter((p, i, all) => all.indexOf(p) === i).join('; ')),
        };
      }
      return slide;
    }),
    scale: 'human',
  };
}

export function timelineJsToJson(bundle: CaseBundle, options: { groupBy?: TimelineJsGroupBy } = {}): string {
  return `${JSON.stringify(toTimelineJs(bundle, options), null, 2)}\n`;
}

// ---- import ----

/** TimelineJS writes numbers as strings ("2022", "-500"); both are accepted, "" means absent. */
const DatePart = z.union([z.number(), z.string().trim()]).optional().nullable();
const TjsDate = z.looseObject({ year: DatePart, month: DatePart, day: DatePart, hour: DatePart, minute: DatePart, second: DatePart, millisecond: DatePart, display_date: z.string().optional() });
const TjsText = z.looseObject({ headline: z.string().optional().nullable(), text: z.string().optional().nullable() });
const TjsMedia = z.looseObject({ url: z.string().optional().nullable(), caption: z.string().optional().nullable(), credit: z.string().optional().nullable() });
const TjsSlide = z.looseObject({
  unique_id: z.union([z.string(), z.number()]).optional().nullable(),
  start_date: TjsDate.optional().nullable(),
  end_date: TjsDate.optional().nullable(),
  display_date: z.string().optional().nullable(),
  text: TjsText.optional().nullable(),
  media: TjsMedia.optional().nullable(),
  group: z.string().optional().nullable(),
  // Timeweave's own, ignored by TimelineJS.
  status: z.string().optional().nullable(),
  kind: z.string().optional().nullable(),
});
const TjsDocument = z.looseObject({
  title: TjsSlide.optional().nullable(),
  events: z.array(TjsSlide).max(5000),
  eras: z.array(TjsSlide).max(500).optional().nullable(),
});

function draftDate(raw: z.infer<typeof TjsDate> | null | undefined, path: string, problems: Array<{ path: string; message: string }>): DraftDate | null {
  if (!raw) return null;
  const fields = ['year', 'month', 'day', 'hour', 'minute'] as const;
  const out: Partial<Record<(typeof fields)[number], number>> = {};
  for (const f of fields) {
    const v = raw[f];
    if (v === undefined || v === null || v === '') continue;
    const n = typeof v === 'number' ? v : /^[+-]?\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n)) {
      problems.push({ path: `${path}.${f}`, message: `"${v}" is not a whole number` });
      return null;
    }
    out[f] = n;
  }
  if (out.year === undefined) {
    problems.push({ path: `${path}.year`, message: 'a date needs a year' });
    return null;
  }
  return { ...out, year: out.year };
}

/** Parses a TimelineJS JSON document into a draft (see timeline-draft.ts for what becomes of it). */
export function parseTimelineJsDraft(text: string): TimelineDraft {
  const raw = parseJsonText(text, 'TimelineJS file');
  const parsed = TjsDocument.safeParse(raw);
  if (!parsed.success) throw new InterchangeError('not a TimelineJS JSON document (it needs an "events" list of slides)', zodProblems(parsed.error.issues));
  const doc = parsed.data;
  const problems: Array<{ path: string; message: string }> = [];
  const slide = (s: z.infer<typeof TjsSlide>, path: string, type: DraftSlide['type']): DraftSlide => ({
    path,
    type,
    uniqueId: s.unique_id === undefined || s.unique_id === null ? undefined : String(s.unique_id),
    start: s.start_date ? draftDate(s.start_date, `${path}.start_date`, problems) : null,
    end: s.end_date ? draftDate(s.end_date, `${path}.end_date`, problems) : null,
    displayDate: s.display_date ?? undefined,
    headline: htmlToText(s.text?.headline ?? ''),
    text: htmlToText(s.text?.text ?? ''),
    media: s.media ? { url: s.media.url ?? undefined, caption: htmlToText(s.media.caption ?? ''), credit: htmlToText(s.media.credit ?? '') } : undefined,
    group: s.group ?? undefined,
    status: s.status ?? undefined,
    kind: s.kind ?? undefined,
  });
  const slides = [
    ...doc.events.map((s, i) => slide(s, `events[${i}]`, 'event')),
    ...(doc.eras ?? []).map((s, i) => slide(s, `eras[${i}]`, 'era')),
  ];
  slides.forEach((s, i) => {
    const raw = i < doc.events.length ? doc.events[i] : doc.eras?.[i - doc.events.length];
    if (!raw?.start_date) problems.push({ path: `${s.path}.start_date`, message: 'missing: every slide but the title needs a start date' });
  });
  const title = doc.title ? { headline: htmlToText(doc.title.text?.headline ?? ''), text: htmlToText(doc.title.text?.text ?? '') } : null;
  return { formatName: 'TimelineJS', title, slides, problems };
}

export function parseTimelineJs(text: string, options: DraftOptions = {}) {
  return draftToBundle(parseTimelineJsDraft(text), options);
}
