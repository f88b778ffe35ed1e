import { BUNDLE_FORMAT, type CaseBundle } from '../model/bundle';
import { mulberry32 } from '../random';
import type { Citation } from '../model/citation';
import type { Entity } from '../model/entity';
import type { Event } from '../model/event';
import { makeId, sha256Hex } from '../model/ids';
import type { Participation, Relation } from '../model/relation';
import type { Source } from '../model/source';
import {
  EVENT_KINDS,
  RELATION_LABELS,
  RELATION_TYPES,
  type EntityType,
  type EventStatus,
  type Precision,
  type RelationType,
  type Stance,
} from '../model/vocab';

/**
 * A deterministic synthetic case for benchmarks and load tests: the same options always give the
 * same bundle, byte for byte. Every quote is a sentence of a generated source text and every
 * citation is anchored at its real offsets, so the bundle passes checkBundleIntegrity and imports
 * through the path users use. Pure: no I/O, no clock, no Math.random.
 */
export interface SynthOptions {
  events: number;
  entities: number;
  seed: number;
  caseId?: string;
  /** Sentences (citations) per source article; default 25. */
  sentencesPerSource?: number;
}

/** The generator's source of randomness (lib/random.ts), named for its callers. */
export const prng = mulberry32;

const SYLLABLES = ['ka', 'ro', 'mi', 'ta', 'zen', 'vol', 'ash', 'ber', 'lin', 'dor', 'sa', 'tek', 'ul', 'ven', 'gra', 'pol', 'nik', 'es', 'mar', 'tu'];
const ENTITY_TYPES: readonly EntityType[] = ['person', 'person', 'person', 'organisation', 'organisation', 'place', 'facility', 'group', 'outlet'];
const PUBLISHERS = ['Northern Ledger', 'Daily Meridian', 'Coastal Wire', 'The Observer Post', 'Harbour Times'];
const TIME_ZONES = ['Asia/Almaty', 'Europe/Paris', 'America/New_York', 'UTC', 'Asia/Tokyo'];
const ROLES = ['actor', 'target', 'host', 'speaker', 'witness', 'location'];
const VERBS: Record<(typeof EVENT_KINDS)[number], string> = {
  attack: 'attacked positions near',
  deployment: 'deployed units to',
  withdrawal: 'withdrew from',
  meeting: 'met representatives of',
  statement: 'issued a statement about',
  policy: 'announced new measures concerning',
  incident: 'was involved in an incident with',
  claim: 'claimed responsibility regarding',
  other: 'was reported alongside',
};
/** Status mix of a real tracker: mostly reported, a fair share of rumours. */
const STATUSES: ReadonlyArray<[EventStatus, number]> = [
  ['confirmed', 0.2],
  ['reported', 0.5],
  ['alleged', 0.18],
  ['disputed', 0.07],
  ['denied', 0.05],
];
const STANCE_OF: Record<EventStatus, Stance> = { confirmed: 'asserts', reported: 'reports', alleged: 'alleges', disputed: 'reports', denied: 'denies' };
const HEDGE_OF: Partial<Record<EventStatus, string>> = { alleged: 'reportedly', disputed: 'allegedly', denied: 'denied' };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function generateCase(opts: SynthOptions): CaseBundle {
  const { events: nEvents, entities: nEntities, seed } = opts;
  if (!Number.isInteger(nEvents) || nEvents < 1) throw new RangeError('events must be a positive integer');
  if (!Number.isInteger(nEntities) || nEntities < 2) throw new RangeError('entities must be an integer ≥ 2');
  const caseId = opts.caseId ?? `synth-${nEvents}-${seed}`;
  const perSource = opts.sentencesPerSource ?? 25;
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const weighted = <T>(xs: ReadonlyArray<[T, number]>): T => {
    let r = rnd();
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  };

  // Entities: unique names (the index is encoded in the syllables), aliases in other spellings.
  const entities: Entity[] = [];
  for (let i = 0; i < nEntities; i++) {
    let name = '';
    for (let k = i; ; k = Math.floor(k / SYLLABLES.length) - 1) {
      name = SYLLABLES[k % SYLLABLES.length]! + name;
      if (k < SYLLABLES.length) break;
    }
    name = capitalise(name) + ' ' + capitalise(pick(SYLLABLES) + pick(SYLLABLES));
    const type = pick(ENTITY_TYPES);
    const aliasCount = weighted<number>([[0, 0.4], [1, 0.35], [2, 0.2], [3, 0.05]]);
    const aliases = [
      { name: name.toUpperCase(), lang: null },
      { name: name.replace(/k/g, 'q').replace(/v/g, 'w'), lang: 'fr' },
      { name: name.split(' ').map((w) => w[0]).join('') + '-' + i, lang: null },
    ].slice(0, aliasCount);
    entities.push({
      id: makeId('entity', caseId, 'synth', i),
      caseId,
      type,
      name,
      aliases,
      description: rnd() < 0.5 ? `Synthetic ${type} number ${i}.` : null,
      citationIds: [],
    });
  }
  // Popularity is skewed (a few hubs take part in many events), as in real trackers.
  const popular = () => Math.min(nEntities - 1, Math.floor(Math.pow(rnd(), 2.2) * nEntities));

  // Dates: ten years with bursts (a crisis draws most reporting) over a thin background.
  const span0 = Date.UTC(2015, 0, 1);
  const spanMs = Date.UTC(2025, 0, 1) - span0;
  const bursts = Array.from({ length: 6 }, () => ({ at: span0 + rnd() * spanMs, width: (5 + rnd() * 60) * 86_400_000 }));
  const instant = () => {
    if (rnd() < 0.3) return span0 + rnd() * spanMs;
    const b = pick(bursts);
    const g = (rnd() + rnd() + rnd() - 1.5) * 2; // roughly normal
    return Math.min(span0 + spanMs - 86_400_000, Math.max(span0, b.at + g * b.width));
  };
  const partial = (ms: number, precision: Precision) => {
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    if (precision === 'year') return `${y}`;
    const m = `${y}-${pad(d.getUTCMonth() + 1)}`;
    if (precision === 'month') return m;
    const day = `${m}-${pad(d.getUTCDate())}`;
    if (precision === 'day') return day;
    return `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };

  // Sources are written sentence by sentence; each sentence is one citation's quote.
  const sources: Source[] = [];
  const citations: Citation[] = [];
  let text = '';
  let furniture: Source['furniture'] = [];
  let sourceIndex = 0;
  let sentencesInSource = 0;
  let publisher = PUBLISHERS[0]!;
  const pendingCitations: Array<Omit<Citation, 'prefix' | 'suffix'>> = [];
  const openSource = () => {
    publisher = pick(PUBLISHERS);
    const header = `${publisher} | Share | Subscribe\n\n`;
    text = header;
    furniture = [{ start: 0, end: header.length - 2, reason: 'navigation and share bar' }];
    sentencesInSource = 0;
  };
  const closeSource = () => {
    if (sentencesInSource === 0) return;
    const footer = '\n\nRead more: related coverage';
    const start = text.length + 2;
    text += footer;
    furniture.push({ start, end: text.length, reason: '"read more" link' });
    const id = makeId('source', caseId, 'synth', sourceIndex);
    for (const c of pendingCitations) {
      citations.push({ ...c, sourceId: id, prefix: text.slice(Math.max(0, c.start - 32), c.start), suffix: text.slice(c.end, c.end + 32) });
    }
    pendingCitations.length = 0;
    const published = new Date(span0 + (sourceIndex * 7919 % 3650) * 86_400_000);
    sources.push({
      id,
      caseId,
      title: `Synthetic report ${sourceIndex + 1}`,
      publisher,
      publisherEntityId: null,
      author: rnd() < 0.6 ? `Reporter ${int(1, 40)}` : null,
      url: `https://example.org/synthetic/${caseId}/${sourceIndex + 1}`,
      language: 'en',
      published: partial(published.getTime(), 'day'),
      retrieved: new Date(published.getTime() + 86_400_000).toISOString().slice(0, 10),
      text,
      contentHash: sha256Hex(text),
      reliabilityNote: null,
      furniture,
    });
    sourceIndex++;
    openSource();
  };
  /** Appends a sentence and returns the id of the citation quoting it. */
  const cite = (sentence: string, stance: Stance, hedges: string[], key: string): string => {
    if (sentencesInSource > 0) text += ' ';
    const start = text.length;
    text += sentence;
    const id = makeId('citation', caseId, 'synth', key);
    pendingCitations.push({
      id,
      caseId,
      sourceId: '',
      quote: sentence,
      start,
      end: start + sentence.length,
      language: 'en',
      translation: null,
      assertedBy: stance === 'alleges' ? { kind: 'unnamed', name: 'unnamed sources', entityId: null } : { kind: 'outlet', name: publisher, entityId: null },
      via: [],
      stance,
      hedges,
      orphaned: false,
    });
    if (++sentencesInSource >= perSource) closeSource();
    return id;
  };
  openSource();

  const events: Event[] = [];
  const participations: Participation[] = [];
  for (let i = 0; i < nEvents; i++) {
    const precision = weighted<Precision>([['day', 0.66], ['minute', 0.12], ['month', 0.15], ['year', 0.07]]);
    const startMs = instant();
    const start = partial(startMs, precision);
    const timeZone = precision === 'minute' ? pick(TIME_ZONES) : rnd() < 0.3 ? pick(TIME_ZONES) : null;
    let end: string | null = null;
    let endPrecision: Precision | null = null;
    if ((precision === 'day' || precision === 'month') && rnd() < 0.25) {
      endPrecision = precision;
      const days = precision === 'day' ? int(1, 20) : int(31, 200);
      end = partial(startMs + days * 86_400_000, precision);
    }
    const status = weighted(STATUSES);
    const kind = pick(EVENT_KINDS);
    const who = new Set<number>();
    const count = weighted<number>([[1, 0.3], [2, 0.4], [3, 0.2], [4, 0.1]]);
    while (who.size < count) who.add(popular());
    const parts = [...who].map((n) => entities[n]!);
    const hedge = HEDGE_OF[status];
    const subject = parts[0]!.name;
    const object = parts[1]?.name ?? 'local officials';
    const sentence =
      status === 'denied'
        ? `${subject} denied that it ${VERBS[kind]} ${object} (item ${i + 1}).`
        : `${subject} ${hedge === 'reportedly' ? 'reportedly ' : hedge === 'allegedly' ? 'allegedly ' : ''}${VERBS[kind]} ${object}${parts.length > 2 ? `, with ${parts.slice(2).map((p) => p.name).join(' and ')}` : ''} (item ${i + 1}).`;
    const citationId = cite(sentence, STANCE_OF[status], hedge ? [hedge] : [], `event-${i}`);
    const id = makeId('event', caseId, 'synth', i);
    events.push({
      id,
      caseId,
      title: `${subject} ${VERBS[kind]} ${object}`.slice(0, 300),
      description: sentence,
      kind,
      start,
      precision,
      approximate: precision !== 'minute' && rnd() < 0.1,
      end,
      endPrecision,
      endApproximate: end !== null && rnd() < 0.1,
      timeZone,
      status,
      statusReason: null,
      citationIds: [citationId],
    });
    parts.forEach((p, k) => {
      const role = k === 0 ? 'actor' : pick(ROLES);
      participations.push({ id: makeId('participation', id, p.id, role), eventId: id, entityId: p.id, role, citationIds: [citationId] });
      if (p.citationIds.length === 0) p.citationIds.push(citationId);
    });
  }

  // Relationships: about 1.5 per entity, unique per (type, from, to), some with validity intervals.
  const relations: Relation[] = [];
  const seen = new Set<string>();
  const wanted = Math.floor(nEntities * 1.5);
  for (let attempts = 0; relations.length < wanted && attempts < wanted * 4; attempts++) {
    const a = entities[popular()]!;
    const b = entities[int(0, nEntities - 1)]!;
    const type: RelationType = pick(RELATION_TYPES);
    const key = `${type}|${a.id}|${b.id}`;
    if (a.id === b.id || seen.has(key)) continue;
    seen.add(key);
    let validFrom: string | null = null;
    let validTo: string | null = null;
    if (rnd() < 0.6) {
      const fromMs = span0 + rnd() * spanMs * 0.8;
      validFrom = partial(fromMs, rnd() < 0.5 ? 'month' : 'day');
      if (rnd() < 0.5) validTo = partial(fromMs + int(60, 1500) * 86_400_000, 'year');
    }
    const sentence = `${a.name} ${RELATION_LABELS[type]} ${b.name}${validFrom ? ` since ${validFrom}` : ''}${validTo ? ` until ${validTo}` : ''} (link ${relations.length + 1}).`;
    const citationId = cite(sentence, 'reports', [], `relation-${relations.length}`);
    relations.push({ id: makeId('relation', caseId, type, a.id, b.id), type, fromId: a.id, toId: b.id, validFrom, validTo, citationIds: [citationId] });
  }
  closeSource();

  return {
    format: BUNDLE_FORMAT,
    version: 1,
    case: { id: caseId, title: `Synthetic case: ${nEvents} events, ${nEntities} entities (seed ${seed})`, summary: 'Generated by lib/synth for benchmarks; not real events.' },
    sources,
    citations,
    entities,
    events,
    participations,
    relations,
  };
}
