import type { ProposalsDocument } from './proposals.schema';
import { nameKey } from './text';

/**
 * Scoring proposals against a hand-labelled article (data/ingest-eval). Pure, so the benchmark and
 * its tests share it. An expected event is found when a proposal cites the sentence holding its
 * quote; it is on the right day when the proposal's start agrees with the expected date at the
 * expected date's precision (2023-03 accepts any day of March; 2023-03-14 needs that day).
 */
export interface ExpectedEvent {
  quote: string;
  date: string;
  hedged?: boolean;
  denied?: boolean;
}
export interface ExpectedEntity {
  name: string;
  type: string;
}
/** A relationship between two entities, by their names as a reader would write them. */
export interface ExpectedRelation {
  from: string;
  to: string;
  type: string;
}
export interface ExpectedArticle {
  file: string;
  language: string;
  case?: string;
  events: ExpectedEvent[];
  entities: ExpectedEntity[];
  /**
   * Absent: the article's relationships were not labelled, and it counts for neither relationship
   * precision nor recall. Present (even empty): every relationship proposed must be one of these.
   */
  relations?: ExpectedRelation[];
}

export interface ArticleScore {
  file: string;
  events: { expected: number; proposed: number; found: number; rightDay: number; proposedMatched: number };
  entities: { expected: number; proposed: number; found: number; proposedMatched: number };
  hedged: { expected: number; asAlleged: number; asConfirmed: number; asReported: number; proposedAlleged: number; proposedAllegedCorrect: number };
  denied: { expected: number; asDenied: number };
  /** Null when the article's relationships are not labelled. */
  relations: { expected: number; proposed: number; found: number; proposedMatched: number } | null;
  misses: string[];
  /** Proposals that match no label (events, relationships), to read a precision figure by. */
  extras: string[];
}

export function dateAgrees(expected: string, proposedStart: string): boolean {
  return proposedStart.startsWith(expected) && proposedStart.length >= expected.length;
}

export function scoreArticle(doc: ProposalsDocument, expected: ExpectedArticle): ArticleScore {
  const text = doc.source.text;
  const misses: string[] = [];
  const matchedProposals = new Set<string>();
  let found = 0;
  let rightDay = 0;
  const hedged = { expected: 0, asAlleged: 0, asConfirmed: 0, asReported: 0, proposedAlleged: 0, proposedAllegedCorrect: 0 };
  const denied = { expected: 0, asDenied: 0 };
  const expectedHedgedProposals = new Set<string>();
  for (const ev of expected.events) {
    const at = text.indexOf(ev.quote);
    if (at < 0) {
      misses.push(`label error: quote not in text: ${ev.quote}`);
      continue;
    }
    const end = at + ev.quote.length;
    const hits = doc.events.filter((p) => p.citations.some((c) => c.start <= at && end <= c.end));
    if (ev.hedged) hedged.expected++;
    if (ev.denied) denied.expected++;
    if (hits.length === 0) {
      misses.push(`event not proposed: ${ev.quote}`);
      continue;
    }
    found++;
    const best = hits.find((p) => dateAgrees(ev.date, p.start)) ?? hits[0]!;
    for (const h of hits) matchedProposals.add(h.key);
    if (dateAgrees(ev.date, best.start)) rightDay++;
    else misses.push(`wrong date for "${ev.quote}": proposed ${best.start}, expected ${ev.date}`);
    if (ev.hedged) {
      expectedHedgedProposals.add(best.key);
      if (best.status === 'alleged' || best.status === 'disputed' || best.status === 'denied') hedged.asAlleged++;
      else misses.push(`hedged claim proposed as ${best.status}: ${ev.quote}`);
      if (best.status === 'confirmed') hedged.asConfirmed++;
      if (best.status === 'reported') hedged.asReported++;
    }
    if (ev.denied && (best.status === 'denied' || best.status === 'disputed')) denied.asDenied++;
    else if (ev.denied) misses.push(`denial proposed as ${best.status}: ${ev.quote}`);
  }
  for (const p of doc.events) {
    if (p.status !== 'alleged') continue;
    hedged.proposedAlleged++;
    if (expectedHedgedProposals.has(p.key)) hedged.proposedAllegedCorrect++;
  }

  const extras: string[] = [];
  for (const p of doc.events) if (!matchedProposals.has(p.key)) extras.push(`event proposed, not labelled: ${p.citations[0]?.quote ?? p.title} (${p.start}, ${p.status})`);

  const proposedKeys = doc.entities.map((e) => new Set([nameKey(e.name), ...e.mentions.map((m) => nameKey(m.text))]));
  let entFound = 0;
  const entMatched = new Set<number>();
  for (const ex of expected.entities) {
    const k = nameKey(ex.name);
    const i = proposedKeys.findIndex((keys) => keys.has(k));
    if (i >= 0) {
      entFound++;
      entMatched.add(i);
    } else misses.push(`entity not proposed: ${ex.name}`);
  }
  let relations: ArticleScore['relations'] = null;
  if (expected.relations) {
    // A proposed relationship matches a label when its type agrees and each end is an entity proposal
    // that goes by the labelled name (its name or any of its mentions, compared by nameKey).
    const keysOf = new Map(doc.entities.map((e, i) => [e.key, proposedKeys[i]!]));
    const matched = new Set<string>();
    let relFound = 0;
    for (const r of expected.relations) {
      const [from, to] = [nameKey(r.from), nameKey(r.to)];
      const hit = doc.relations.find((p) => p.type === r.type && keysOf.get(p.fromKey)?.has(from) && keysOf.get(p.toKey)?.has(to));
      if (hit) {
        relFound++;
        matched.add(hit.key);
      } else misses.push(`relationship not proposed: ${r.from} ${r.type} ${r.to}`);
    }
    const nameOf = new Map(doc.entities.map((e) => [e.key, e.name]));
    for (const p of doc.relations) if (!matched.has(p.key)) extras.push(`relationship proposed, not labelled: ${nameOf.get(p.fromKey)} ${p.type} ${nameOf.get(p.toKey)}`);
    relations = { expected: expected.relations.length, proposed: doc.relations.length, found: relFound, proposedMatched: matched.size };
  }
  return {
    file: expected.file,
    events: { expected: expected.events.length, proposed: doc.events.length, found, rightDay, proposedMatched: matchedProposals.size },
    entities: { expected: expected.entities.length, proposed: doc.entities.length, found: entFound, proposedMatched: entMatched.size },
    hedged,
    denied,
    relations,
    misses,
    extras,
  };
}

export interface Totals {
  eventRecall: number;
  eventRecallAnyDate: number;
  eventPrecision: number;
  entityRecall: number;
  entityPrecision: number;
  hedgedRecall: number;
  hedgedPrecision: number;
  hedgedAsConfirmed: number;
  hedgedAsReported: number;
  deniedRecall: number;
  /** Over the articles whose relationships are labelled; null when none is. */
  relationRecall: number | null;
  relationPrecision: number | null;
  relationsLabelled: number;
}

export function totals(scores: readonly ArticleScore[]): Totals {
  const sum = (f: (s: ArticleScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const rel = scores.flatMap((s) => (s.relations ? [s.relations] : []));
  const relSum = (f: (r: NonNullable<ArticleScore['relations']>) => number) => rel.reduce((n, r) => n + f(r), 0);
  return {
    eventRecall: ratio(sum((s) => s.events.rightDay), sum((s) => s.events.expected)),
    eventRecallAnyDate: ratio(sum((s) => s.events.found), sum((s) => s.events.expected)),
    eventPrecision: ratio(sum((s) => s.events.proposedMatched), sum((s) => s.events.proposed)),
    entityRecall: ratio(sum((s) => s.entities.found), sum((s) => s.entities.expected)),
    entityPrecision: ratio(sum((s) => s.entities.proposedMatched), sum((s) => s.entities.proposed)),
    hedgedRecall: ratio(sum((s) => s.hedged.asAlleged), sum((s) => s.hedged.expected)),
    hedgedPrecision: ratio(sum((s) => s.hedged.proposedAllegedCorrect), sum((s) => s.hedged.proposedAlleged)),
    hedgedAsConfirmed: sum((s) => s.hedged.asConfirmed),
    hedgedAsReported: sum((s) => s.hedged.asReported),
    deniedRecall: ratio(sum((s) => s.denied.asDenied), sum((s) => s.denied.expected)),
    relationRecall: rel.length ? ratio(relSum((r) => r.found), relSum((r) => r.expected)) : null,
    relationPrecision: rel.length ? ratio(relSum((r) => r.proposedMatched), relSum((r) => r.proposed)) : null,
    relationsLabelled: relSum((r) => r.expected),
  };
}
