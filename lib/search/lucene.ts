/**
 * User text → a Lucene query for the `search_text` full-text index. Pure, so the escaping is
 * unit-tested: whatever the user types is only ever a *term*, never query syntax. Every character
 * Lucene's classic parser treats specially is backslash-escaped, the operators AND/OR/NOT lose their
 * meaning (the parser only reads them in capitals), and a token with no letter or digit is dropped,
 * since the analyzer would turn it into nothing anyway.
 *
 * Each token matches as itself (analysed: accents and case folded by `standard-folding`) or as a
 * prefix, so "toka" finds Tokayev while typing. Tokens are AND-ed: more words narrow the results.
 */

export const MAX_QUERY_LENGTH = 200;
export const MAX_TOKENS = 8;
/** Shorter tokens get no prefix form: "a*" would match half the index. */
const MIN_PREFIX_LENGTH = 2;

// Lucene classic query parser specials: + - && || ! ( ) { } [ ] ^ " ~ * ? : \ /
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(token: string): string {
  return token.replace(SPECIAL, (c) => `\\${c}`);
}

/**
 * Prefix terms are not analysed by every analyzer, so fold them here as `standard-folding` would:
 * lower case, and accents stripped from Latin letters only (Cyrillic й is a letter, not и + mark).
 */
export function foldForPrefix(token: string): string {
  return token
    .normalize('NFD')
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase();
}

/** Words of the query: split on whitespace and punctuation Lucene would split on. */
export function queryTokens(text: string): string[] {
  return text
    .slice(0, MAX_QUERY_LENGTH)
    .split(/\s+/u)
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, MAX_TOKENS);
}

/** null when nothing searchable is left (the caller answers "no results" without a query). */
export function luceneQuery(text: string): string | null {
  const clauses = queryTokens(text).map((raw) => {
    // Lower-casing defuses AND/OR/NOT/TO; the analyzer lower-cases terms anyway.
    const exact = escapeLucene(raw.toLowerCase());
    // A prefix only for a plain word: "kassym-jomart*" would be one unanalysed term that never matches.
    const plainWord = /^[\p{L}\p{N}]+$/u.test(raw) && [...raw].length >= MIN_PREFIX_LENGTH;
    return plainWord ? `(${exact} OR ${escapeLucene(foldForPrefix(raw))}*)` : `(${exact})`;
  });
  return clauses.length ? clauses.join(' AND ') : null;
}
