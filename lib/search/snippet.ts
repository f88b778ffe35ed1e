import { queryTokens } from './lucene';

/**
 * The passage of a search hit to show under its label: the first field in which a query word
 * occurs, cut to a short window around it. Matching folds accents and case, like the index does,
 * so "tokaiev" points at "Tokaïev" in the text. Pure, unit-tested.
 */

export const SNIPPET_LENGTH = 140;

/** Lower case without Latin accents, one char for one char where possible (offsets stay usable). */
function fold(text: string): string {
  return [...text].map((c) => c.normalize('NFD').replace(/^([A-Za-z])\p{M}+$/u, '$1').toLowerCase()).join('');
}

export interface Snippet {
  text: string;
  /** Where the matched word sits in `text`, for <mark>; null when no word matched literally. */
  match: { start: number; end: number } | null;
}

export function snippetOf(fields: ReadonlyArray<string | null | undefined>, query: string, length = SNIPPET_LENGTH): Snippet | null {
  const texts = fields.filter((f): f is string => typeof f === 'string' && f.trim() !== '');
  if (texts.length === 0) return null;
  const words = queryTokens(query).map((t) => fold(t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ')[0] ?? ''));
  for (const text of texts) {
    // Fold per code point so indexes into `chars` map back to the original text.
    const chars = [...text];
    const folded = chars.map((c) => fold(c));
    const joined = folded.join('');
    for (const word of words) {
      if (!word) continue;
      const at = joined.indexOf(word);
      if (at < 0) continue;
      // Map the folded offset back to a code-point index (folding may change lengths rarely).
      let acc = 0;
      let startIdx = 0;
      while (startIdx < folded.length && acc + folded[startIdx]!.length <= at) acc += folded[startIdx++]!.length;
      let endIdx = startIdx;
      let covered = acc;
      while (endIdx < folded.length && covered < at + word.length) covered += folded[endIdx++]!.length;
      return cut(chars, startIdx, endIdx, length);
    }
  }
  const first = [...texts[0]!];
  return { text: first.length > length ? `${first.slice(0, length - 1).join('')}…` : first.join(''), match: null };
}

function cut(chars: string[], start: number, end: number, length: number): Snippet {
  if (chars.length <= length) return { text: chars.join(''), match: { start: lengthOf(chars, 0, start), end: lengthOf(chars, 0, end) } };
  const lead = Math.max(0, Math.min(start - Math.floor((length - (end - start)) / 3), chars.length - length));
  const from = lead;
  const to = Math.min(chars.length, from + length);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < chars.length ? '…' : '';
  const text = `${prefix}${chars.slice(from, to).join('')}${suffix}`;
  const offset = prefix.length;
  return { text, match: { start: offset + lengthOf(chars, from, start), end: offset + lengthOf(chars, from, end) } };
}

/** UTF-16 length of chars[from, to), since String offsets in the browser are UTF-16. */
function lengthOf(chars: string[], from: number, to: number): number {
  return chars.slice(from, to).join('').length;
}
