import type { Precision } from '../model/vocab';

/**
 * Stage 3, dates and times in French and English, absolute ("le 5 janvier 2022", "Sept. 26") and
 * relative ("jeudi", "lundi soir", "hier", "three days ago", "pendant dix jours"), resolved
 * against the publication date. Each keeps the precision the words have (a weekday is a day, a
 * month is a month, "vers 19 h 50" is a minute and approximate) and never invents more.
 *
 * News tells the past: a weekday or a day-month without a year is taken as the latest such day on
 * or before publication, unless the words say otherwise ("prochain", "next", "will").
 */
export interface DateContext {
  /** Publication date, YYYY-MM-DD (or coarser, which disables relative resolution). */
  published: string | null;
  /** Zone to give times said to be local (from the article's places), if known. */
  localTimeZone?: string | null;
  /**
   * The last day the narrative was at (YYYY-MM-DD), for anaphoric dates that count from the story
   * rather than from publication: "la veille", "le lendemain", "the next day", "two days later".
   */
  anchorDay?: string | null;
}

export interface DateMention {
  /** Offsets within the string given to `findDates`. */
  start: number;
  end: number;
  text: string;
  kind: 'date' | 'time' | 'duration';
  /** Partial date (YYYY, YYYY-MM, YYYY-MM-DD). For a time: HH:mm only, see `time`. */
  value: string | null;
  precision: Precision | null;
  approximate: boolean;
  /** For time mentions: "19:50". */
  time?: string;
  timeZone?: string | null;
  /** For durations: length in days (weeks and months converted, approximate). */
  days?: number;
  /** For durations counted back from publication ("depuis dix jours", "for the past week"). */
  untilPublication?: boolean;
  /** For ranges ("la semaine dernière"): the last day covered. */
  rangeEnd?: string;
  /** For anaphoric dates: days from the narrative's anchor day (-1 for "la veille"). */
  fromAnchor?: number;
}

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, january: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2, february: 2, feb: 2,
  mars: 3, march: 3, mar: 3,
  avril: 4, avr: 4, april: 4, apr: 4,
  mai: 5, may: 5,
  juin: 6, june: 6, jun: 6,
  juillet: 7, juil: 7, july: 7, jul: 7,
  aout: 8, august: 8, aug: 8,
  septembre: 9, september: 9, sept: 9, sep: 9,
  octobre: 10, october: 10, oct: 10,
  novembre: 11, november: 11, nov: 11,
  decembre: 12, december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
const NUMBERS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, 'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19, vingt: 20, trente: 30,
  one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
};
const ZONES: Record<string, string> = {
  gmt: 'UTC', utc: 'UTC', 'heure de paris': 'Europe/Paris', 'paris time': 'Europe/Paris', 'heure de moscou': 'Europe/Moscow',
  'moscow time': 'Europe/Moscow', cet: 'Europe/Paris', est: 'America/New_York', edt: 'America/New_York', bst: 'Europe/London',
  'heure de kiev': 'Europe/Kyiv', 'kyiv time': 'Europe/Kyiv', 'heure d almaty': 'Asia/Almaty', 'almaty time': 'Asia/Almaty',
};

const alt = (o: Record<string, unknown>) => Object.keys(o).sort((a, b) => b.length - a.length).join('|');
const MONTH = `(${alt(MONTHS)})\\.?`;
const WEEKDAY = `(${alt(WEEKDAYS)})`;
const NUM = `(\\d{1,3}|${alt(NUMBERS)})`;
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const re = (s: string) => new RegExp(`${L}${s}${R}`, 'gu');

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray, ctx: Resolver) => Omit<DateMention, 'start' | 'end' | 'text'> | null;
}

class Resolver {
  readonly pub: { y: number; m: number; d: number } | null;
  constructor(
    readonly ctx: DateContext,
    readonly future: boolean,
  ) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ctx.published ?? '');
    this.pub = m ? { y: +m[1]!, m: +m[2]!, d: +m[3]! } : null;
  }
  pubMs(): number | null {
    return this.pub ? Date.UTC(this.pub.y, this.pub.m - 1, this.pub.d) : null;
  }
  /** The year of a day-month written without one: the latest on or before publication (past tense). */
  yearFor(month: number, day: number): number | null {
    if (!this.pub) return null;
    const { y } = this.pub;
    const candidate = Date.UTC(y, month - 1, day);
    const pub = this.pubMs()!;
    if (this.future) return candidate < pub - 60 * 86400000 ? y + 1 : y;
    return candidate > pub + 7 * 86400000 ? y - 1 : y;
  }
  weekday(target: number, mode: 'past' | 'strict-past' | 'next'): string | null {
    const pub = this.pubMs();
    if (pub === null) return null;
    const dow = new Date(pub).getUTCDay();
    let delta: number;
    if (mode === 'next') delta = ((target - dow + 7) % 7) || 7;
    else {
      delta = -((dow - target + 7) % 7);
      if (mode === 'strict-past' && delta === 0) delta = -7;
    }
    return isoDay(pub + delta * 86400000);
  }
  shift(days: number): string | null {
    const pub = this.pubMs();
    return pub === null ? null : isoDay(pub + days * 86400000);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const day = (y: number, m: number, d: number) => (d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() ? `${y}-${pad(m)}-${pad(d)}` : null);
const num = (s: string | undefined): number | null => (s === undefined ? null : /^\d+$/.test(s) ? +s : (NUMBERS[s] ?? null));
const dateOf = (value: string | null, precision: Precision, approximate = false) =>
  value ? { kind: 'date' as const, value, precision, approximate } : null;

const PART_OF_DAY_FR = '(?:\\s+(?:matin|soir|midi|apres-midi|dans la nuit|au soir|en soiree|en fin de journee))?';
const PART_OF_DAY_EN = '(?:\\s+(?:morning|afternoon|evening|night))?';

const RULES: Rule[] = [
  // 2022-01-05
  { re: re('(\\d{4})-(\\d{2})-(\\d{2})'), make: (m) => dateOf(day(+m[1]!, +m[2]!, +m[3]!), 'day') },
  // (mercredi) (le) 12 janvier (2022) / 5 January 2022
  {
    re: re(`(?:${WEEKDAY},?\\s+)?(?:le\\s+|the\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?${PART_OF_DAY_FR}`),
    make: (m, r) => {
      const d = +m[2]!;
      const mo = MONTHS[m[3]!]!;
      const y = m[4] ? +m[4] : r.yearFor(mo, d);
      return y === null ? null : dateOf(day(y, mo, d), 'day');
    },
  },
  // (Wednesday,) Jan. 12(, 2022) / Sept. 26
  {
    re: re(`(?:${WEEKDAY},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`),
    make: (m, r) => {
      const mo = MONTHS[m[2]!]!;
      const d = +m[3]!;
      if (m[2] === 'may' && !m[4] && !m[1]) return null; // "may 12 people…" is a modal verb
      const y = m[4] ? +m[4] : r.yearFor(mo, d);
      return y === null ? null : dateOf(day(y, mo, d), 'day');
    },
  },
  // début/fin/mi-janvier (2022), early/late January
  {
    re: re(`(debut|fin|mi-|courant|early|late|mid-?)\\s*${MONTH}(?:\\s+(\\d{4}))?`),
    make: (m, r) => {
      const mo = MONTHS[m[2]!]!;
      const y = m[3] ? +m[3] : r.yearFor(mo, 15);
      return y === null ? null : dateOf(`${y}-${pad(mo)}`, 'month', true);
    },
  },
  // janvier 2022 / in January 2022
  { re: re(`${MONTH}\\s+(\\d{4})`), make: (m) => (m[1] === 'may' || m[1] === 'mar' ? null : dateOf(`${m[2]}-${pad(MONTHS[m[1]!]!)}`, 'month')) },
  // en janvier / in January (no year)
  {
    re: re(`(?:en|in)\\s+(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|june|july|august|september|october|november|december)`),
    make: (m, r) => {
      const mo = MONTHS[m[1]!]!;
      const y = r.yearFor(mo, 1);
      return y === null ? null : dateOf(`${y}-${pad(mo)}`, 'month');
    },
  },
  // lundi (dernier|prochain) (soir); (on|last|next|this) Monday (night)
  {
    re: re(`(?:(last|next|this|on)\\s+)?${WEEKDAY}(?:\\s+(dernier|prochain|passe))?(?:${PART_OF_DAY_FR}|${PART_OF_DAY_EN})`),
    make: (m, r) => {
      const target = WEEKDAYS[m[2]!]!;
      const mode = m[1] === 'next' || m[3] === 'prochain' || (r.future && m[1] !== 'last') ? 'next' : m[1] === 'last' || m[3] === 'dernier' || m[3] === 'passe' ? 'strict-past' : 'past';
      return dateOf(r.weekday(target, mode), 'day');
    },
  },
  { re: re(`(avant-hier|the day before yesterday)`), make: (_m, r) => dateOf(r.shift(-2), 'day') },
  // Anaphoric: counted from the day the story was at, not from publication. Without an anchor
  // they resolve to nothing (rather than to a guess).
  {
    re: re(`(la veille|l'avant-veille|le lendemain|le surlendemain|the day before|the previous day|the next day|the following day|the day after|(?:${NUM})\\s+(?:jours?|days?)\\s+(?:plus tard|later|apres|after(?:wards)?|auparavant|plus tot|earlier|before))`),
    make: (m, r) => {
      const w = m[1]!;
      let n: number | null;
      if (/veille|before|previous/.test(w) && !/^\S+\s+(?:jours?|days?)/.test(w)) n = /avant-veille/.test(w) ? -2 : -1;
      else if (/lendemain|next|following|day after/.test(w)) n = /surlendemain/.test(w) ? 2 : 1;
      else {
        const k = num(m[2]);
        n = k === null ? null : /auparavant|plus tot|earlier|before/.test(w) ? -k : k;
      }
      const anchor = r.ctx.anchorDay;
      if (n === null || !anchor || !/^\d{4}-\d{2}-\d{2}$/.test(anchor)) return null;
      return { ...dateOf(isoDay(Date.parse(`${anchor}T00:00:00Z`) + n * 86400000), 'day')!, fromAnchor: n };
    },
  },
  { re: re(`(hier|yesterday|last night|la nuit derniere)(?:\\s+(?:matin|soir|apres-midi|morning|afternoon|evening))?`), make: (_m, r) => dateOf(r.shift(-1), 'day') },
  { re: re(`(aujourd'hui|aujourd’hui|today|ce matin|ce soir|cet apres-midi|this morning|this afternoon|this evening|tonight)`), make: (_m, r) => dateOf(r.shift(0), 'day') },
  { re: re(`(demain|tomorrow)`), make: (_m, r) => dateOf(r.shift(1), 'day') },
  // il y a trois jours / three days ago
  {
    re: re(`(?:il y a\\s+${NUM}\\s+(jours?|semaines?|mois|ans?)|${NUM}\\s+(days?|weeks?|months?|years?)\\s+ago)`),
    make: (m, r) => {
      const n = num(m[1] ?? m[3]);
      const unit = (m[2] ?? m[4])!;
      if (n === null || !r.pub) return null;
      if (/^(jour|day)/.test(unit)) return dateOf(r.shift(-n), 'day');
      if (/^(semaine|week)/.test(unit)) return dateOf(r.shift(-7 * n), 'day', true);
      if (/^(mois|month)/.test(unit)) {
        const t = new Date(Date.UTC(r.pub.y, r.pub.m - 1 - n, 1));
        return dateOf(`${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`, 'month', true);
      }
      return dateOf(String(r.pub.y - n), 'year', true);
    },
  },
  // la semaine dernière / last week: a range of days
  {
    re: re(`(la semaine derniere|la semaine passee|last week|earlier this week|plus tot cette semaine|cette semaine|this week)`),
    make: (m, r) => {
      const pub = r.pubMs();
      if (pub === null) return null;
      const dow = (new Date(pub).getUTCDay() + 6) % 7; // Monday = 0
      const thisMonday = pub - dow * 86400000;
      const last = /derniere|passee|last/.test(m[1]!);
      const startMs = last ? thisMonday - 7 * 86400000 : thisMonday;
      const endMs = last ? thisMonday - 86400000 : pub;
      return { kind: 'date', value: isoDay(startMs), precision: 'day', approximate: true, rangeEnd: isoDay(endMs) };
    },
  },
  {
    re: re(`(le mois dernier|le mois passe|last month|earlier this month|plus tot ce mois-ci|ce mois-ci|this month)`),
    make: (m, r) => {
      if (!r.pub) return null;
      const back = /dernier|passe|last/.test(m[1]!) ? 1 : 0;
      const t = new Date(Date.UTC(r.pub.y, r.pub.m - 1 - back, 1));
      return dateOf(`${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`, 'month');
    },
  },
  { re: re(`(l'an dernier|l’an dernier|l'annee derniere|l’annee derniere|last year)`), make: (_m, r) => (r.pub ? dateOf(String(r.pub.y - 1), 'year') : null) },
  // en 2021 / in 2021
  { re: re(`(?:en|in|depuis|since)\\s+((?:19|20)\\d{2})`), make: (m) => dateOf(m[1]!, 'year') },
];

const TIME_RULES: Array<{ re: RegExp; parse: (m: RegExpExecArray) => { h: number; min: number; approx: boolean } | null }> = [
  // vers 19 h 50, à 19h, 19 heures 50
  {
    re: re(`(?:(vers|aux alentours de|environ|a|a partir de|peu avant|peu apres)\\s+)?(\\d{1,2})\\s*(?:h|heures?)(?:\\s*(\\d{2}))?`),
    parse: (m) => ({ h: +m[2]!, min: m[3] ? +m[3] : 0, approx: !!m[1] && m[1] !== 'a' && m[1] !== 'a partir de' }),
  },
  // at 7:50 p.m., around 19:50, about 7 pm
  {
    re: re(`(?:(at|around|about|approximately|shortly after|shortly before|just after|just before)\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?`),
    parse: (m) => {
      if (!m[3] && !m[4]) return null; // a bare number is not a time
      let h = +m[2]!;
      if (m[4]?.startsWith('p') && h < 12) h += 12;
      if (m[4]?.startsWith('a') && h === 12) h = 0;
      return { h, min: m[3] ? +m[3] : 0, approx: !!m[1] && m[1] !== 'at' };
    },
  },
];
const ZONE_AFTER = new RegExp(`^\\s*(?:\\(\\s*)?(heure locale|local time|${alt(ZONES)})${R}(?:\\s*\\))?`, 'u');

const DURATION = re(
  `(?:(pendant|durant|depuis|for|during|over|for the past|for the last|in the past)\\s+)${NUM}\\s+(jours?|semaines?|mois|days?|weeks?|months?)`,
);

/** Same-length fold, so offsets found in the folded text are offsets in the original. */
function foldSameLength(s: string): string {
  // Fast path: ASCII needs only lowercasing (most of the work in English text).
  if (!/[^\x00-\x7f]/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch.toLowerCase();
      continue;
    }
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

const FUTURE = /(?<![\p{L}])(will|shall|going to|sera|seront|va|vont|doit|doivent|devra|devront|devrait|devraient|prevu|prevue|prochain|prochaine|next)(?![\p{L}])/u;

export function findDates(text: string, ctx: DateContext): DateMention[] {
  const folded = foldSameLength(text).replace(/’/g, "'");
  const r = new Resolver(ctx, FUTURE.test(folded));
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);

  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m; m = rule.re.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const made = rule.make(m, r);
      if (!made) continue;
      taken.push([start, end]);
      found.push({ start, end, text: text.slice(start, end), ...made });
    }
  }
  for (const rule of TIME_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m; m = rule.re.exec(folded)) {
      const start = m.index;
      let end = start + m[0].length;
      if (!free(start, end)) continue;
      const t = rule.parse(m);
      if (!t || t.h > 23 || t.min > 59) continue;
      const zone = ZONE_AFTER.exec(folded.slice(end));
      let timeZone: string | null = null;
      if (zone) {
        timeZone = zone[1] === 'heure locale' || zone[1] === 'local time' ? (ctx.localTimeZone ?? null) : (ZONES[zone[1]!] ?? null);
        end += zone[0].length;
      }
      taken.push([start, end]);
      found.push({ start, end, text: text.slice(start, end), kind: 'time', value: null, precision: 'minute', approximate: t.approx, time: `${pad(t.h)}:${pad(t.min)}`, timeZone });
    }
  }
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(folded); m; m = DURATION.exec(folded)) {
    const n = num(m[2]);
    if (n === null) continue;
    const unit = m[3]!;
    const days = /^(jour|day)/.test(unit) ? n : /^(semaine|week)/.test(unit) ? 7 * n : 30 * n;
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    taken.push([start, end]);
    const back = /depuis|past|last/.test(m[1]!);
    found.push({ start, end, text: text.slice(start, end), kind: 'duration', value: null, precision: null, approximate: !/^(jour|day)/.test(unit), days, untilPublication: back });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** What an event's date becomes from the mentions in its sentence (and the paragraph's last date). */
export interface ResolvedWhen {
  start: string;
  precision: Precision;
  approximate: boolean;
  end: string | null;
  endPrecision: Precision | null;
  endApproximate: boolean;
  timeZone: string | null;
  /** The words the date was read from (empty when inherited or defaulted). */
  evidence: string[];
  /** How it was found: in the sentence, carried from an earlier sentence, or the publication month. */
  basis: 'sentence' | 'context' | 'publication';
}

export function resolveWhen(mentions: readonly DateMention[], inherited: ResolvedWhen | null, ctx: DateContext): ResolvedWhen | null {
  const date = mentions.find((m) => m.kind === 'date' && m.value);
  const time = mentions.find((m) => m.kind === 'time');
  const duration = mentions.find((m) => m.kind === 'duration');
  let when: ResolvedWhen | null = null;
  if (date) {
    when = {
      start: date.value!, precision: date.precision!, approximate: date.approximate,
      end: date.rangeEnd ?? null, endPrecision: date.rangeEnd ? 'day' : null, endApproximate: date.rangeEnd ? date.approximate : false,
      timeZone: null, evidence: [date.text], basis: 'sentence',
    };
  } else if (duration?.untilPublication && ctx.published && /^\d{4}-\d{2}-\d{2}$/.test(ctx.published)) {
    const endMs = Date.parse(`${ctx.published}T00:00:00Z`);
    return {
      start: isoDay(endMs - duration.days! * 86400000), precision: 'day', approximate: true,
      end: ctx.published, endPrecision: 'day', endApproximate: false, timeZone: null, evidence: [duration.text], basis: 'sentence',
    };
  } else if (inherited && (time || duration)) {
    when = { ...inherited, basis: 'context', evidence: [...inherited.evidence] };
  }
  if (!when) return inherited ? { ...inherited, basis: 'context' } : null;
  if (time && when.precision === 'day' && !when.end) {
    when.start = `${when.start}T${time.time}`;
    when.precision = 'minute';
    when.approximate = when.approximate || time.approximate;
    when.timeZone = time.timeZone ?? ctx.localTimeZone ?? null;
    when.evidence.push(time.text);
  }
  if (duration && !duration.untilPublication && when.precision === 'day' && !when.end && duration.days! > 1) {
    const s = Date.parse(`${when.start}T00:00:00Z`);
    when.end = isoDay(s + (duration.days! - 1) * 86400000);
    when.endPrecision = 'day';
    when.endApproximate = duration.approximate;
    when.evidence.push(duration.text);
  }
  return when;
}

/** The publication month, approximate: the honest default for an undated claim in a news story. */
export function publicationFallback(published: string | null): ResolvedWhen | null {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(published ?? '');
  if (!m) return null;
  const value = m[2] ? `${m[1]}-${m[2]}` : m[1]!;
  return { start: value, precision: m[2] ? 'month' : 'year', approximate: false, end: null, endPrecision: null, endApproximate: false, timeZone: null, evidence: [], basis: 'publication' };
}
