import type { SearchHit } from '../api/views';

/**
 * Lucene's score favours short fields, so "CSTO Collective Peacekeeping Forces" (the word in a
 * short name) outranks the CSTO itself (the word among many aliases). An analyst typing a name
 * means the thing of that name: hits whose name or an alias *is* the query come first, then score.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}

export function rankHits<T extends Pick<SearchHit, 'score' | 'id'>>(hits: ReadonlyArray<{ hit: T; names: readonly string[] }>, query: string): T[] {
  const q = foldName(query);
  const exact = (names: readonly string[]) => (q !== '' && names.some((n) => foldName(n) === q) ? 1 : 0);
  return hits
    .map((h, i) => ({ ...h, i, exact: exact(h.names) }))
    .sort((a, b) => b.exact - a.exact || b.hit.score - a.hit.score || a.i - b.i)
    .map((h) => h.hit);
}
