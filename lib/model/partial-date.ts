import '../zod';
import { z } from 'zod';
import type { Precision } from './vocab';

/**
 * Partial dates keep the precision the evidence has (the Aleph/followthemoney convention):
 * `2022` (year), `2022-01` (month), `2022-01-12` (day), `2022-01-12T19:50` (minute, local time in the
 * event's time zone). A month-precision date is "some time in that month", never its first day.
 *
 * Years are ISO 8601 astronomical years of four digits, signed before the common era: `0000` is
 * 1 BCE, `-0043` is 44 BCE (the numbering JavaScript's Date, Neo4j's datetime and TimelineJS use).
 */
const YEAR = '(-?\\d{4})';
const FORMATS: ReadonlyArray<[Precision, RegExp]> = [
  ['year', new RegExp(`^${YEAR}$`)],
  ['month', new RegExp(`^${YEAR}-(\\d{2})$`)],
  ['day', new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})$`)],
  ['minute', new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})$`)],
];

/** The longest partial date: a signed year and a minute, `-0043-03-15T11:00`. */
const MAX_LENGTH = 17;

/**
 * Date.UTC with the year taken as written: Date.UTC itself reads years 0 to 99 as 1900 to 1999,
 * which would put the year 44 in 1944. Month is 0-based, and days/months may overflow as in Date.UTC.
 */
export function utcMs(year: number, month0: number, day = 1, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month0, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

interface Parts {
  precision: Precision;
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour: number;
  minute: number;
}

export function parsePartialDate(value: string): Parts | null {
  for (const [precision, re] of FORMATS) {
    const m = re.exec(value);
    if (!m) continue;
    if (value.startsWith('-0000')) return null; // year zero has no sign in ISO 8601
    const [year, month = 1, day = 1, hour = 0, minute = 0] = m.slice(1).map(Number);
    if (year === undefined) return null;
    if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
    if (day < 1 || day > daysInMonth(year, month)) return null;
    return { precision, year, month, day, hour, minute };
  }
  return null;
}

export function precisionOf(value: string): Precision | null {
  return parsePartialDate(value)?.precision ?? null;
}

export const PartialDate = z
  .string()
  .max(MAX_LENGTH)
  .refine((v) => parsePartialDate(v) !== null, {
    message: 'must be a date as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:mm (a year before the common era signed: -0043)',
  });

/** IANA time zone name, checked against the runtime's own list. */
export const TimeZone = z.string().max(64).refine(isValidTimeZone, { message: 'unknown IANA time zone' });

export function isValidTimeZone(tz: string): boolean {
  try {
    zoneFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month, 0)).getUTCDate();
}

/**
 * Formatters cached per zone: constructing an Intl.DateTimeFormat costs about a millisecond (ICU
 * loads the zone's data), and a 10,000-event import validates and encodes tens of thousands of
 * zoned dates; uncached, that alone took minutes. Formatting with a cached one costs microseconds.
 */
const ZONE_FORMATTERS = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(tz: string): Intl.DateTimeFormat {
  let fmt = ZONE_FORMATTERS.get(tz);
  if (!fmt) {
    fmt = makeZoneFormatter(tz); // throws on an unknown zone, which is then not cached
    // Bounded: zone names are case-insensitive, so hostile input could spell one many ways.
    if (ZONE_FORMATTERS.size >= 1000) ZONE_FORMATTERS.clear();
    ZONE_FORMATTERS.set(tz, fmt);
  }
  return fmt;
}

/** Offset of `tz` from UTC at the given UTC instant, in minutes (Almaty in 2022: +360). */
function zoneOffsetMinutes(instantMs: number, tz: string): number {
  const fmt = zoneFormatter(tz);
  const p = Object.fromEntries(fmt.formatToParts(new Date(instantMs)).map((x) => [x.type, x.value]));
  // Intl writes years before the common era as "44" with era "BC": back to the astronomical year.
  const year = p.era === 'BC' ? 1 - Number(p.year) : Number(p.year);
  const asUtc = utcMs(year, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60000);
}

function makeZoneFormatter(tz: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Converts wall-clock time in `tz` to a UTC instant; two passes settle DST edges. */
function localToUtcMs(localAsUtcMs: number, tz: string | null): number {
  if (!tz) return localAsUtcMs;
  let guess = localAsUtcMs - zoneOffsetMinutes(localAsUtcMs, tz) * 60000;
  guess = localAsUtcMs - zoneOffsetMinutes(guess, tz) * 60000;
  return guess;
}

export interface Interval {
  /** First instant covered, ISO 8601 UTC. */
  earliest: string;
  /** First instant no longer covered (exclusive), ISO 8601 UTC. */
  until: string;
}

/** The span of time a partial date can mean. Without a time zone, wall-clock is taken as UTC. */
export function intervalOf(value: string, timeZone: string | null = null): Interval {
  const p = parsePartialDate(value);
  if (!p) throw new RangeError(`not a partial date: ${value}`);
  const startLocal = utcMs(p.year, p.month - 1, p.day, p.hour, p.minute);
  const untilLocal =
    p.precision === 'year'
      ? utcMs(p.year + 1, 0, 1)
      : p.precision === 'month'
        ? utcMs(p.year, p.month, 1)
        : p.precision === 'day'
          ? utcMs(p.year, p.month - 1, p.day + 1)
          : startLocal + 60000;
  return {
    earliest: new Date(localToUtcMs(startLocal, timeZone)).toISOString(),
    until: new Date(localToUtcMs(untilLocal, timeZone)).toISOString(),
  };
}

/** The whole span of an event: from the start's earliest instant to the end's (or start's) last. */
export function spanOf(start: string, end: string | null, timeZone: string | null = null): Interval {
  const s = intervalOf(start, timeZone);
  const e = end ? intervalOf(end, timeZone) : s;
  return { earliest: s.earliest, until: e.until };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A label that never claims more precision than the date has: "c. Jan 2022", "12 Jan 2022". */
export function formatPartialDate(value: string, approximate = false): string {
  const p = parsePartialDate(value);
  if (!p) return value;
  const month = MONTHS[p.month - 1];
  const year = yearLabel(p.year);
  const text =
    p.precision === 'year'
      ? `${year}`
      : p.precision === 'month'
        ? `${month} ${year}`
        : p.precision === 'day'
          ? `${p.day} ${month} ${year}`
          : `${p.day} ${month} ${year}, ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return approximate ? `c. ${text}` : text;
}

/** An astronomical year as people write it: 2022, 44 (the year 44), 44 BCE (the year -43). */
export function yearLabel(year: number): string {
  return year > 0 ? `${year}` : `${1 - year} BCE`;
}

export function formatRange(
  start: string,
  startApproximate: boolean,
  end: string | null,
  endApproximate: boolean,
): string {
  const a = formatPartialDate(start, startApproximate);
  return end ? `${a} – ${formatPartialDate(end, endApproximate)}` : a;
}

/** Compares partial dates by their earliest instant (same time zone assumed). */
export function comparePartialDates(a: string, b: string): number {
  return compareInstants(intervalOf(a).earliest, intervalOf(b).earliest);
}

/**
 * Compares two ISO 8601 instants in time. Not as strings: before the common era JavaScript writes
 * "-000100-…" and "-000044-…", whose string order is the reverse of their order in time.
 */
export function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
