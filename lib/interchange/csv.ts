import Papa from 'papaparse';
import type { CaseBundle } from '../model/bundle';
import type { Event } from '../model/event';
import { formatRange, intervalOf, parsePartialDate } from '../model/partial-date';
import { InterchangeError } from './errors';
import { draftToBundle, type DraftDate, type DraftOptions, type DraftSlide, type TimelineDraft } from './timeline-draft';

/**
 * CSV, RFC 4180 (comma, CRLF, fields quoted when they hold a comma, a quote or a line break, quotes
 * doubled), written and read by Papa Parse. UTF-8; a byte-order mark is skipped on import.
 *
 * The events table follows TimelineJS's Google Sheets template column for column, so a newsroom can
 * paste it into its TimelineJS sheet, and any such sheet (downloaded as CSV) imports here:
 *
 *   Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text,
 *   Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background
 *
 * then Timeweave's own columns, optional on import: Status, Kind, Approximate, End Approximate,
 * Time Zone, Id, Citations. A row whose Type is "title" gives the case its title and summary; "era"
 * rows are periods. Time is HH:MM (24-hour). Cells that a spreadsheet would run as a formula
 * (starting with = + - @) are written with a leading apostrophe, which the import removes.
 */
export const TIMELINE_COLUMNS = [
  'Year', 'Month', 'Day', 'Time', 'End Year', 'End Month', 'End Day', 'End Time', 'Display Date',
  'Headline', 'Text', 'Media', 'Media Credit', 'Media Caption', 'Media Thumbnail', 'Type', 'Group', 'Background',
] as const;
export const TIMEWEAVE_EVENT_COLUMNS = ['Status', 'Kind', 'Approximate', 'End Approximate', 'Time Zone', 'Id', 'Citations'] as const;
export const EVENT_CSV_COLUMNS = [...TIMELINE_COLUMNS, ...TIMEWEAVE_EVENT_COLUMNS] as const;
export const ENTITY_CSV_COLUMNS = ['Id', 'Type', 'Name', 'Aliases', 'Description', 'Citations', 'Events'] as const;

type Row = Record<string, string | number>;

const unparse = (fields: readonly string[], rows: Row[]) =>
  `${Papa.unparse({ fields: [...fields], data: rows.map((r) => fields.map((f) => r[f] ?? '')) }, { newline: '\r\n', escapeFormulae: true })}\r\n`;

function dateCells(value: string | null, prefix: '' | 'End '): Row {
  if (!value) return {};
  const p = parsePartialDate(value)!;
  const row: Row = { [`${prefix}Year`]: p.year };
  if (p.precision !== 'year') row[`${prefix}Month`] = p.month;
  if (p.precision === 'day' || p.precision === 'minute') row[`${prefix}Day`] = p.day;
  if (p.precision === 'minute') row[`${prefix}Time`] = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return row;
}

export function eventsToCsv(bundle: CaseBundle): string {
  const sources = new Map(bundle.sources.map((s) => [s.id, s]));
  const citations = new Map(bundle.citations.map((c) => [c.id, c]));
  const key = (e: Event) => intervalOf(e.start, e.timeZone).earliest;
  const events = [...bundle.events].sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
  const rows: Row[] = [{ Type: 'title', Headline: bundle.case.title, Text: bundle.case.summary }];
  for (const e of events) {
    const cited = [...new Set(e.citationIds.map((id) => citations.get(id)?.sourceId))].map((id) => (id ? sources.get(id) : undefined)).filter((s) => !!s);
    const withUrl = cited.find((s) => s.url);
    rows.push({
      ...dateCells(e.start, ''),
      ...dateCells(e.end, 'End '),
      'Display Date': formatRange(e.start, e.approximate, e.end, e.endApproximate),
      Headline: e.title,
      Text: e.description,
      Media: withUrl?.url ?? '',
      'Media Credit': [...new Set(cited.map((s) => s.publisher))].join('; '),
      'Media Caption': (withUrl ?? cited[0])?.title ?? '',
      Group: e.status,
      Status: e.status,
      Kind: e.kind,
      Approximate: String(e.approximate),
      'End Approximate': String(e.endApproximate),
      'Time Zone': e.timeZone ?? '',
      Id: e.id,
      Citations: e.citationIds.length,
    });
  }
  return unparse(EVENT_CSV_COLUMNS, rows);
}

export function entitiesToCsv(bundle: CaseBundle): string {
  const events = new Map<string, number>();
  for (const p of bundle.participations) events.set(p.entityId, (events.get(p.entityId) ?? 0) + 1);
  const rows = [...bundle.entities]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((e) => ({
      Id: e.id,
      Type: e.type,
      Name: e.name,
      Aliases: e.aliases.map((a) => (a.lang ? `${a.name} [${a.lang}]` : a.name)).join(' | '),
      Description: e.description ?? '',
      Citations: e.citationIds.length,
      Events: events.get(e.id) ?? 0,
    }));
  return unparse(ENTITY_CSV_COLUMNS, rows);
}

// ---- import ----

/** Undoes the export's formula guard: "'=x" → "=x", but a plain leading apostrophe stays. */
const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

/** Parses a TimelineJS-style spreadsheet (CSV) into a draft. Column names are matched case-insensitively. */
export function parseEventsCsvDraft(text: string): TimelineDraft {
  const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = res.errors.filter((e) => e.type === 'Quotes' || e.code === 'TooManyFields');
  if (fatal.length) {
    throw new InterchangeError('the CSV file is malformed', fatal.map((e) => ({ path: `row ${(e.row ?? 0) + 1}`, message: e.message })));
  }
  const [header, ...rows] = res.data;
  if (!header) throw new InterchangeError('the CSV file is empty');
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = ['Year', 'Headline', 'Text'].filter((c) => !index.has(c.toLowerCase()));
  if (missing.length) {
    throw new InterchangeError(
      `the CSV file lacks the column(s) ${missing.join(', ')}: its first row must name the columns of the template (${TIMELINE_COLUMNS.join(', ')})`,
    );
  }
  const problems: Array<{ path: string; message: string }> = [];
  const slides: DraftSlide[] = [];
  let title: TimelineDraft['title'] = null;
  rows.forEach((cells, i) => {
    const path = `row ${i + 2}`;
    const cell = (name: string) => {
      const at = index.get(name.toLowerCase());
      return at === undefined ? '' : unguard((cells[at] ?? '').trim());
    };
    const int = (name: string): number | undefined => {
      const v = cell(name);
      if (v === '') return undefined;
      if (!/^[+-]?\d+$/.test(v)) {
        problems.push({ path: `${path}: ${name}`, message: `"${v}" is not a whole number` });
        return undefined;
      }
      return Number(v);
    };
    const time = (name: string): { hour?: number; minute?: number } => {
      const v = cell(name);
      if (v === '') return {};
      const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v);
      if (!m) {
        problems.push({ path: `${path}: ${name}`, message: `"${v}" is not a time as HH:MM` });
        return {};
      }
      return { hour: Number(m[1]), minute: Number(m[2]) };
    };
    const bool = (name: string): boolean | undefined => {
      const v = cell(name).toLowerCase();
      if (v === '') return undefined;
      if (['true', 'yes', '1', 'x'].includes(v)) return true;
      if (['false', 'no', '0'].includes(v)) return false;
      problems.push({ path: `${path}: ${name}`, message: `"${v}" is not true or false` });
      return undefined;
    };
    const type = cell('Type').toLowerCase();
    if (type === 'title') {
      title = { headline: cell('Headline'), text: cell('Text') };
      return;
    }
    if (type !== '' && type !== 'era') problems.push({ path: `${path}: Type`, message: `"${cell('Type')}" is not a type (leave it empty, or "title" or "era")` });
    const date = (prefix: '' | 'End '): DraftDate | null => {
      const year = int(`${prefix}Year`);
      const parts = { month: int(`${prefix}Month`), day: int(`${prefix}Day`), ...time(`${prefix}Time`) };
      if (year === undefined) {
        if (Object.values(parts).some((v) => v !== undefined)) problems.push({ path: `${path}: ${prefix}Year`, message: 'a date needs a year' });
        return null;
      }
      return { year, ...parts };
    };
    const start = date('');
    if (!start && !problems.some((p) => p.path.startsWith(`${path}:`))) problems.push({ path: `${path}: Year`, message: 'every row but the title needs a year' });
    // A row whose date could not be read is reported above; it is still listed, for its other problems.
    const credit = cell('Media Credit');
    const caption = cell('Media Caption');
    const media = cell('Media');
    slides.push({
      path,
      type: type === 'era' ? 'era' : 'event',
      uniqueId: cell('Id') || undefined,
      start,
      end: date('End '),
      displayDate: cell('Display Date') || undefined,
      headline: cell('Headline'),
      text: cell('Text'),
      media: media || credit || caption ? { url: media || undefined, caption, credit } : undefined,
      group: cell('Group') || undefined,
      status: cell('Status') || undefined,
      kind: cell('Kind') || undefined,
      approximate: bool('Approximate'),
      endApproximate: bool('End Approximate'),
      timeZone: cell('Time Zone') || undefined,
    });
  });
  return { formatName: 'CSV', title, slides, problems };
}

export function parseEventsCsv(text: string, options: DraftOptions = {}) {
  return draftToBundle(parseEventsCsvDraft(text), options);
}
