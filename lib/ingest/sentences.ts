import type { FurnitureSpan } from '../model/source';

/**
 * Stage 2b, sentences, by Intl.Segmenter (ICU's sentence rules), corrected where news prose trips
 * it: abbreviations such as "Sept.", "M.", "Gen.", "U.S." do not end a sentence. Offsets are into
 * the stored text; sentences inside furniture are dropped, so nothing downstream can cite them.
 */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (blank-line separated block) it belongs to. */
  paragraph: number;
}

const ABBREVIATIONS = new Set(
  [
    'jan', 'feb', 'febr', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'janv', 'févr', 'avr', 'juil', 'déc',
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sen', 'rep', 'gov', 'st', 'mt', 'jr', 'sr', 'no', 'vs', 'etc', 'approx',
    'm', 'mm', 'mme', 'mmes', 'mlle', 'me', 'pr', 'st', 'ste', 'cf', 'p', 'env',
  ],
);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang === 'und' ? 'en' : lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

export function splitSentences(text: string, language: string, furniture: readonly FurnitureSpan[] = []): Sentence[] {
  const raw: Array<{ start: number; end: number }> = [];
  for (const seg of segmenter(language).segment(text)) {
    const prev = raw[raw.length - 1];
    if (prev && endsWithAbbreviation(text.slice(prev.start, prev.end)) && !/\n\s*\n/.test(text.slice(prev.start, seg.index))) {
      prev.end = seg.index + seg.segment.length;
    } else {
      raw.push({ start: seg.index, end: seg.index + seg.segment.length });
    }
  }
  const paragraphStarts: number[] = [0];
  for (const m of text.matchAll(/\n\s*\n/g)) paragraphStarts.push(m.index + m[0].length);
  const out: Sentence[] = [];
  let p = 0;
  for (const r of raw) {
    // Trim whitespace so offsets cover the words only.
    let { start, end } = r;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) continue;
    if (furniture.some((f) => start < f.end && f.start < end)) continue;
    while (p + 1 < paragraphStarts.length && paragraphStarts[p + 1]! <= start) p++;
    out.push({ index: out.length, start, end, text: text.slice(start, end), paragraph: p });
  }
  return out;
}

function endsWithAbbreviation(s: string): boolean {
  const m = /(?:^|[\s(])([\p{L}.]+)\.\s*$/u.exec(s);
  if (!m) return false;
  const w = m[1]!;
  if (/^(\p{Lu}\.)+\p{Lu}?$/u.test(`${w}.`) && w.length <= 4) return true; // U.S., U.N.
  return ABBREVIATIONS.has(w.toLowerCase());
}
