import { BUNDLE_FORMAT, CaseBundle, checkBundleIntegrity, type IntegrityProblem } from '../model/bundle';
import { CASE_ID_PATTERN, makeId, sha256Hex, slugify } from '../model/ids';
import type { Citation } from '../model/citation';
import type { Event } from '../model/event';
import { isValidTimeZone, parsePartialDate } from '../model/partial-date';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus, type Precision } from '../model/vocab';
import { detectHedges } from '../provenance/hedges';
import { deriveStatus } from '../provenance/status-rules';
import { InterchangeError, zodProblems } from './errors';

/**
 * What TimelineJS JSON and the TimelineJS-style spreadsheet have in common, parsed but not yet a
 * case: slides with dates as year/month/day/hour/minute fields, a headline, a text, a media credit.
 * `draftToBundle` turns it into a bundle in which nothing is uncited.
 *
 * Where the citations come from: a timeline file carries no article, only its own words. So the
 * file itself becomes the one source of the case, its stored text the slides written out one after
 * another (headline, text, media caption and credit), and each event cites the passage of its own
 * slide. The asserter is the file's publisher (given by the importer, else "unknown"), with stance
 * `reports`. Hence the status: at most `reported` (one publisher is never corroboration), `alleged`
 * when the wording hedges, and a status the file names (a group or Status column such as "alleged")
 * is kept with the reason recorded, except `confirmed`, which an import cannot establish.
 */
export interface DraftDate {
  year: number;
  month?: number | undefined;
  day?: number | undefined;
  hour?: number | undefined;
  minute?: number | undefined;
}

export interface DraftSlide {
  /** Where it is in the file, for error messages: `events[3]`, `row 7`. */
  path: string;
  /** An era is a named period; it becomes an event of kind `other` spanning the period. */
  type: 'event' | 'era';
  /** TimelineJS's unique_id or the spreadsheet's Id, when given: keeps ids stable across re-imports. */
  uniqueId?: string | undefined;
  start: DraftDate | null;
  end: DraftDate | null;
  displayDate?: string | undefined;
  headline: string;
  text: string;
  media?: { url?: string | undefined; caption?: string | undefined; credit?: string | undefined } | undefined;
  group?: string | undefined;
  /** Timeweave's own columns, when the file has them (a spreadsheet exported by Timeweave does). */
  status?: string | undefined;
  kind?: string | undefined;
  approximate?: boolean | undefined;
  endApproximate?: boolean | undefined;
  timeZone?: string | undefined;
}

export interface TimelineDraft {
  /** `TimelineJS JSON`, `CSV`: named in the source's note and the status reasons. */
  formatName: string;
  title: { headline: string; text: string } | null;
  slides: DraftSlide[];
  /** Problems the parser found; reported together with the ones found here, all at once. */
  problems?: IntegrityProblem[];
}

export interface DraftOptions {
  /** The case to create; derived from the title when absent. */
  caseId?: string | undefined;
  caseTitle?: string | undefined;
  /** Who published the timeline (an outlet, a newsroom). Unknown when absent, and said so. */
  publisher?: string | undefined;
  /** BCP 47 language of the file's text. */
  language?: string | undefined;
  /** Where the file came from, when known. */
  url?: string | null | undefined;
  /** Name of the file, for the source's title. */
  fileName?: string | undefined;
  /** Today, ISO date (injected: the mappers are pure). */
  today?: string | undefined;
}

export interface ImportReport {
  caseId: string;
  events: number;
  eras: number;
  notes: string[];
}

const QUOTE_MAX = 5000;
const CONTEXT = 32;

/** HTML as TimelineJS allows it in text fields, reduced to plain text (React escapes it again on display). */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|h[1-6]|blockquote)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => safeCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => safeCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function safeCodePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}

/**
 * TimelineJS date fields → a partial date at the precision the fields have: a year alone is year
 * precision, year+month is month, +day is day, +hour (and minute) is minute. Years are taken as
 * TimelineJS takes them, JavaScript's astronomical years (-43 is 44 BCE, 0 is 1 BCE), which are also
 * Timeweave's (lib/model/partial-date.ts); four digits each way, -9999 to 9999.
 */
export function partialDateFromParts(d: DraftDate, path: string, problems: IntegrityProblem[]): string | null {
  const bad = (field: string, message: string) => {
    problems.push({ path: `${path}.${field}`, message });
    return null;
  };
  const { year, month, day, hour, minute } = d;
  if (!Number.isInteger(year)) return bad('year', 'the year must be a whole number');
  if (year < -9999 || year > 9999) return bad('year', `year ${year} is outside what Timeweave's dates hold (-9999 to 9999)`);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  let value = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  let precision: Precision = 'year';
  if (month !== undefined) {
    if (!Number.isInteger(month) || month < 1 || month > 12) return bad('month', `month ${month} is not 1 to 12`);
    value += `-${pad(month)}`;
    precision = 'month';
  } else if (day !== undefined || hour !== undefined) return bad('month', 'a day or a time needs a month');
  if (day !== undefined) {
    value += `-${pad(day)}`;
    precision = 'day';
  } else if (hour !== undefined) return bad('day', 'a time needs a day');
  if (hour !== undefined) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) return bad('hour', `hour ${hour} is not 0 to 23`);
    const m = minute ?? 0;
    if (!Number.isInteger(m) || m < 0 || m > 59) return bad('minute', `minute ${m} is not 0 to 59`);
    value += `T${pad(hour)}:${pad(m)}`;
    precision = 'minute';
  }
  const parsed = parsePartialDate(value);
  if (!parsed || parsed.precision !== precision) return bad(precision === 'minute' ? 'hour' : precision, `${value} is not a date (day ${day} does not exist in that month?)`);
  return value;
}

/** A case id from a title: a lowercase slug, with a short hash so two titles alike do not collide. */
export function caseIdFromTitle(title: string, salt: string): string {
  return `${slugify(title) || 'imported-timeline'}-${sha256Hex(salt).slice(0, 6)}`;
}

const pick = <T extends string>(list: readonly T[], value: string | undefined): T | null => {
  const v = value?.trim().toLowerCase();
  return v ? (list.find((x) => x === v) ?? null) : null;
};

interface Block {
  slide: DraftSlide | null;
  text: string;
}

function slideBlock(s: DraftSlide): string {
  const lines = [s.headline.trim(), s.text.trim()];
  if (s.media?.caption?.trim()) lines.push(`Media caption: ${s.media.caption.trim()}`);
  if (s.media?.credit?.trim()) lines.push(`Media credit: ${s.media.credit.trim()}`);
  return lines.filter(Boolean).join('\n');
}

/** Turns a parsed timeline into a checked bundle. Throws InterchangeError listing every problem. */
export function draftToBundle(draft: TimelineDraft, options: DraftOptions = {}): { bundle: CaseBundle; report: ImportReport } {
  const problems: IntegrityProblem[] = [...(draft.problems ?? [])];
  const notes: string[] = [];
  const titleText = options.caseTitle?.trim() || draft.title?.headline.trim() || options.fileName || 'Imported timeline';
  const caseId = options.caseId ?? caseIdFromTitle(titleText, JSON.stringify(draft));
  if (!CASE_ID_PATTERN.test(caseId)) problems.push({ path: 'caseId', message: `"${caseId}" is not a case id (a lowercase slug such as my-case-2024)` });
  if (draft.slides.length === 0) problems.push({ path: 'events', message: 'the file has no events' });

  // The source text: the title, then each slide's block, separated by blank lines.
  const blocks: Block[] = [];
  if (draft.title && (draft.title.headline.trim() || draft.title.text.trim())) {
    blocks.push({ slide: null, text: [draft.title.headline.trim(), draft.title.text.trim()].filter(Boolean).join('\n') });
  }
  draft.slides.forEach((s) => {
    const text = slideBlock(s);
    if (!text) problems.push({ path: s.path, message: 'has neither headline nor text: there are no words to cite, so it cannot be imported' });
    blocks.push({ slide: s, text });
  });
  const sourceText = blocks.map((b) => b.text).join('\n\n') || ' ';
  const offsets = new Map<DraftSlide, { start: number; end: number }>();
  let at = 0;
  for (const b of blocks) {
    if (b.slide) offsets.set(b.slide, { start: at, end: at + b.text.length });
    at += b.text.length + 2;
  }

  const publisher = options.publisher?.trim() || `unknown publisher (${draft.formatName} file)`;
  const language = options.language ?? 'en';
  const contentHash = sha256Hex(sourceText);
  const sourceId = makeId('source', caseId, 'imported', contentHash);
  const source = {
    id: sourceId,
    caseId,
    title: `${titleText} (${draft.formatName} import${options.fileName ? `: ${options.fileName}` : ''})`.slice(0, 500),
    publisher,
    publisherEntityId: null,
    author: null,
    url: options.url ?? null,
    language,
    published: null,
    retrieved: options.today ?? null,
    text: sourceText,
    contentHash,
    reliabilityNote:
      `Imported from a ${draft.formatName} file: the text is the timeline's own (headlines, texts, media captions and credits), not the original reporting. ` +
      'Each event cites its own slide; statuses are at most "reported" until other sources corroborate them.',
    furniture: [],
  };

  const citations: Citation[] = [];
  const events: Event[] = [];
  const seenIds = new Set<string>();
  let eras = 0;
  draft.slides.forEach((s, i) => {
    const span = offsets.get(s);
    if (!span || span.end === span.start) return;
    const path = s.path;
    const reported = problems.some((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}:`));
    if (!s.start && !reported) problems.push({ path, message: 'has no start date (a year at least)' });
    const start = s.start ? partialDateFromParts(s.start, `${path}.start_date`, problems) : null;
    const end = s.end ? partialDateFromParts(s.end, `${path}.end_date`, problems) : null;
    let timeZone: string | null = null;
    if (s.timeZone?.trim()) {
      if (isValidTimeZone(s.timeZone.trim())) timeZone = s.timeZone.trim();
      else problems.push({ path: `${path}.timeZone`, message: `unknown IANA time zone "${s.timeZone}"` });
    }
    if (!start) return;

    const quoteEnd = Math.min(span.end, span.start + QUOTE_MAX);
    const quote = sourceText.slice(span.start, quoteEnd);
    const citationId = makeId('citation', sourceId, span.start, quoteEnd);
    const hedges = detectHedges(quote);
    citations.push({
      id: citationId,
      caseId,
      sourceId,
      quote,
      prefix: sourceText.slice(Math.max(0, span.start - CONTEXT), span.start),
      suffix: sourceText.slice(quoteEnd, quoteEnd + CONTEXT),
      start: span.start,
      end: quoteEnd,
      language,
      translation: null,
      assertedBy: { kind: 'outlet', name: publisher, entityId: null },
      via: [],
      stance: 'reports',
      hedges,
      orphaned: false,
    });

    const derived = deriveStatus([{ stance: 'reports', asserterKind: 'outlet', hedges, publisher }]);
    const named = pick(EVENT_STATUSES, s.status) ?? pick(EVENT_STATUSES, s.group);
    let status: EventStatus = derived.status;
    let statusReason: string | null = null;
    if (named === 'confirmed') {
      notes.push(`${path}: marked "confirmed" in the file; imported as "${derived.status}", since one imported timeline cannot confirm anything`);
    } else if (named && named !== derived.status) {
      status = named;
      statusReason = `as the imported ${draft.formatName} file has it ("${named}"); the rules alone would say "${derived.status}"`;
    }
    const kind: EventKind = s.type === 'era' ? 'other' : (pick(EVENT_KINDS, s.kind) ?? pick(EVENT_KINDS, s.group) ?? 'other');
    if (s.type === 'era') eras++;

    const headline = s.headline.trim() || s.text.trim().split('\n')[0]!.slice(0, 120) || s.displayDate?.trim() || 'Untitled event';
    const id = makeId('event', caseId, s.uniqueId?.trim() || `#${i}`);
    if (seenIds.has(id)) problems.push({ path, message: `duplicate unique id "${s.uniqueId}"` });
    seenIds.add(id);
    const description = [s.type === 'era' ? `Era in the imported timeline.` : '', s.text.trim()].filter(Boolean).join(' ').slice(0, 5000);
    events.push({
      id,
      caseId,
      title: headline.slice(0, 300),
      description,
      kind,
      start,
      precision: parsePartialDate(start)!.precision,
      approximate: s.approximate ?? false,
      end,
      endPrecision: end ? parsePartialDate(end)!.precision : null,
      endApproximate: s.endApproximate ?? false,
      timeZone,
      status,
      statusReason,
      citationIds: [citationId],
    });
  });

  if (problems.length) throw new InterchangeError(`the ${draft.formatName} file cannot be imported (${problems.length} problem(s))`, problems);
  const candidate = {
    format: BUNDLE_FORMAT,
    version: 1,
    case: { id: caseId, title: titleText.slice(0, 300), summary: (draft.title?.text.trim() ?? '').slice(0, 5000) },
    sources: [source],
    citations,
    entities: [],
    events,
    participations: [],
    relations: [],
  };
  const parsed = CaseBundle.safeParse(candidate);
  if (!parsed.success) {
    // events[i] of the bundle is slides[i] of the draft: report the file's own path.
    const located = zodProblems(parsed.error.issues).map((p) => {
      const m = /^events\.(\d+)\.?(.*)$/.exec(p.path);
      const slide = m ? draft.slides[Number(m[1])] : undefined;
      return slide ? { path: [slide.path, m![2]].filter(Boolean).join('.'), message: p.message } : p;
    });
    throw new InterchangeError(`the ${draft.formatName} file cannot be imported`, located);
  }
  const integrity = checkBundleIntegrity(parsed.data);
  if (integrity.length) throw new InterchangeError(`the ${draft.formatName} file cannot be imported`, integrity);
  return { bundle: parsed.data, report: { caseId, events: events.length - eras, eras, notes } };
}
