/** Context kept on each side of a quote (TextQuoteSelector prefix/suffix); enough to re-find it. */
export const CONTEXT_CHARS = 32;

export interface Anchor {
  start: number;
  end: number;
  prefix: string;
  suffix: string;
}

/**
 * Finds the `occurrence`-th (1-based) exact occurrence of `quote` in `text`. An ambiguous quote
 * without an explicit occurrence is an error: a citation must point at one passage, not a guess.
 */
export function anchorQuote(text: string, quote: string, occurrence?: number): Anchor {
  const positions: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) positions.push(i);
  if (positions.length === 0) throw new AnchorError(`quote not found in the source text: «${shorten(quote)}»`);
  if (occurrence === undefined && positions.length > 1) {
    throw new AnchorError(`quote occurs ${positions.length} times; say which with "occurrence": «${shorten(quote)}»`);
  }
  const start = positions[(occurrence ?? 1) - 1];
  if (start === undefined) {
    throw new AnchorError(`quote occurs ${positions.length} times, not ${occurrence}: «${shorten(quote)}»`);
  }
  const end = start + quote.length;
  return {
    start,
    end,
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

export class AnchorError extends Error {
  override name = 'AnchorError';
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
