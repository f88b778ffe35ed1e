import approxSearch from 'approx-string-match';
import { CONTEXT_CHARS } from '../case-file/anchor';

/**
 * Re-anchoring a quote in a new version of its source text, the way Hypothesis does it
 * (hypothesis/client, src/annotator/anchoring/match-quote.ts), with one rule of our own on top:
 * a citation is never silently pointed at other words.
 *
 * In order, the first step that succeeds decides:
 *  1. offsets — the quote, its prefix and its suffix all still stand at the stored offsets;
 *  2. exact   — the quote occurs verbatim elsewhere; with several occurrences, the one whose
 *               surroundings best match the stored prefix/suffix, nearest the old position, wins;
 *  3. fuzzy   — an approximate search (Myers' bit-parallel algorithm, `approx-string-match`, as
 *               Hypothesis uses) scored by quote, prefix, suffix and position. Accepted only when the
 *               found words are the quote's words: differences of spacing, apostrophes, quotation
 *               marks and dashes are allowed, a changed word is not. The stored quote then becomes the
 *               text as it now stands, so `text.slice(start, end) === quote` still holds;
 *  4. orphan  — nothing acceptable: the citation keeps its last quote and offsets, is flagged,
 *               and the best fuzzy candidate (if any) is reported as a suggestion for an editor.
 *
 * Pure: no I/O. The graph layer (graph/provenance.repo.ts) runs it inside the transaction that
 * replaces a source's text.
 */

export interface TextAnchor {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type AnchorMethod = 'offsets' | 'exact' | 'fuzzy';

export type ReanchorOutcome =
  | {
      /** At the same offsets as before. */
      status: 'anchored';
      method: AnchorMethod;
      anchor: TextAnchor;
    }
  | {
      /** Found at other offsets (text was inserted or deleted before it), or re-quoted by the fuzzy step. */
      status: 'moved';
      method: AnchorMethod;
      anchor: TextAnchor;
      /** True when the fuzzy step replaced the quote by the text as it now stands. */
      quoteChanged: boolean;
    }
  | {
      status: 'orphaned';
      reason: string;
      /** The closest passage found, for an editor to judge; never used as the anchor. */
      candidate: { start: number; end: number; text: string; score: number } | null;
    };

export type ReanchorStatus = ReanchorOutcome['status'];

/** Scoring weights of Hypothesis's matchQuote: quote similarity first, context next, position breaks ties. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const MAX_SCORE = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

export function reanchor(text: string, a: TextAnchor): ReanchorOutcome {
  if (a.quote.length === 0) return { status: 'orphaned', reason: 'the citation has no quote', candidate: null };

  // 1. Offsets: quote and context unchanged where they were.
  if (
    text.slice(a.start, a.end) === a.quote &&
    text.slice(Math.max(0, a.start - a.prefix.length), a.start) === a.prefix &&
    text.slice(a.end, a.end + a.suffix.length) === a.suffix
  ) {
    return { status: 'anchored', method: 'offsets', anchor: { ...a } };
  }

  // 2. Exact: every verbatim occurrence, best context first.
  const exact = occurrences(text, a.quote);
  if (exact.length > 0) {
    const best = pickBest(text, a, exact.map((start) => ({ start, end: start + a.quote.length, errors: 0 })));
    return located(text, a, best.start, best.end, 'exact', false);
  }

  // 3. Fuzzy: approximate matches of the quote, scored as Hypothesis does.
  const maxErrors = Math.min(256, Math.floor(a.quote.length / 2));
  const candidates = maxErrors > 0 ? approxSearch(text, a.quote, maxErrors) : [];
  if (candidates.length === 0) {
    return { status: 'orphaned', reason: 'the quote is no longer in the text, not even approximately', candidate: null };
  }
  const best = pickBest(text, a, candidates);
  const span = trimToQuote(text, best.start, best.end, a.quote);
  const found = text.slice(span.start, span.end);
  if (sameWords(found, a.quote)) return located(text, a, span.start, span.end, 'fuzzy', found !== a.quote);
  return {
    status: 'orphaned',
    reason: 'the closest passage in the new text says something else',
    candidate: { ...span, text: found, score: round(best.score) },
  };
}

/**
 * Page-furniture spans move with the text too. They carry no quote of their own, so their old
 * wording is taken from the old text. Spans that cannot be re-found are dropped (they are not
 * evidence), and counted.
 */
export function reanchorSpans<S extends { start: number; end: number }>(
  oldText: string,
  newText: string,
  spans: readonly S[],
): { kept: S[]; dropped: S[] } {
  const kept: S[] = [];
  const dropped: S[] = [];
  for (const s of spans) {
    const outcome = reanchor(newText, anchorAt(oldText, s.start, s.end));
    if (outcome.status === 'orphaned') dropped.push(s);
    else kept.push({ ...s, start: outcome.anchor.start, end: outcome.anchor.end });
  }
  return { kept, dropped };
}

/** The TextQuoteSelector + TextPositionSelector of a span of `text`. */
export function anchorAt(text: string, start: number, end: number): TextAnchor {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
  };
}

export interface ReanchorCounts {
  anchored: number;
  moved: number;
  orphaned: number;
}

export function countOutcomes(outcomes: ReadonlyArray<{ status: ReanchorStatus }>): ReanchorCounts {
  const counts: ReanchorCounts = { anchored: 0, moved: 0, orphaned: 0 };
  for (const o of outcomes) counts[o.status] += 1;
  return counts;
}

/**
 * Equal up to typography: Unicode normalisation, runs of white space (including no-break spaces),
 * typographic apostrophes, quotation marks and dashes. Letters, accents, digits and case must match:
 * "trois régions" and "quatre régions" are different claims.
 */
export function sameWords(a: string, b: string): boolean {
  return normaliseTypography(a) === normaliseTypography(b);
}

export function normaliseTypography(s: string): string {
  return s
    .normalize('NFC')
    // French guillemets carry (no-break) spaces inside them: « déjà » is "déjà".
    .replace(/«[\s\u00A0\u202F]*/g, '"')
    .replace(/[\s\u00A0\u202F]*»/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u02BC\u2032`\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-')
    .replace(/[\s\u00A0\u202F\u2007\u200B]+/g, ' ')
    .trim();
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) out.push(i);
  return out;
}

function pickBest(text: string, a: TextAnchor, candidates: readonly Candidate[]): Candidate & { score: number } {
  let best: (Candidate & { score: number }) | null = null;
  for (const c of candidates) {
    const score = scoreCandidate(text, a, c);
    // Ties go to the candidate nearest the old position (the position weight already favours it).
    if (!best || score > best.score) best = { ...c, score };
  }
  return best!;
}

function scoreCandidate(text: string, a: TextAnchor, c: Candidate): number {
  const quoteScore = 1 - c.errors / a.quote.length;
  const prefixScore = a.prefix ? similarity(text.slice(Math.max(0, c.start - a.prefix.length), c.start), a.prefix) : 1;
  const suffixScore = a.suffix ? similarity(text.slice(c.end, c.end + a.suffix.length), a.suffix) : 1;
  const positionScore = text.length > 0 ? 1 - Math.abs(c.start - a.start) / Math.max(text.length, a.start) : 1;
  return (
    (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore) /
    MAX_SCORE
  );
}

/** 1 − (edit distance of the best approximate occurrence of `expected` in `actual`) / length. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0 || actual.length === 0) return 0;
  if (actual === expected) return 1;
  const matches = approxSearch(actual, expected, expected.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : expected.length;
  return 1 - errors / expected.length;
}

/** An approximate match may take in white space next to the quote; keep to the quote's own edges. */
function trimToQuote(text: string, start: number, end: number, quote: string): { start: number; end: number } {
  let s = start;
  let e = end;
  if (!/^\s/.test(quote)) while (s < e && /\s/.test(text[s]!)) s++;
  if (!/\s$/.test(quote)) while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function located(text: string, old: TextAnchor, start: number, end: number, method: AnchorMethod, quoteChanged: boolean): ReanchorOutcome {
  const anchor = anchorAt(text, start, end);
  if (start === old.start && end === old.end && !quoteChanged) return { status: 'anchored', method, anchor };
  return { status: 'moved', method, anchor, quoteChanged };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
