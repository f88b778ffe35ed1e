/**
 * User text → a Lucene query for the `search_case_text` full-text index, within one case. Pure, so
 * the escaping is unit-tested: whatever the user types is only ever a *term*, never query syntax. Every character
 * Lucene's classic parser treats specially is backslash-escaped, the operators AND/OR/NOT lose their
 * meaning (the parser only reads them in capitals), and a token with no letter or digit is dropped,
 * since the analyzer would turn it into nothing anyway.
 *
 * Each token matches as itself (analysed: accents and case folded by `standard-folding`) or as a
 * prefix, so "toka" finds Tokayev while typing. Tokens are AND-ed: more words narrow the results.
 *
 * The index also holds each record's case id (migration 0012): the case is a required clause
 * boosted to 0 (it filters, it does not score), and each word is asked of the text properties by
 * name, so that "kaz" never matches every record of kazakhstan-2022-01 through its case id.
 */

import { CASE_ID_PATTERN } from '../model/ids';

/** The text properties of the search index, which user words are matched against. */
export const SEARCH_TEXT_FIELDS = ['name', 'aliasText', 'title', 'description', 'quote', 'translation'] as const;
/**
 * The text properties only entities have: asking only these finds entities only, and Lucene's best
 * page is then entities, however many event titles and quotes also name them.
 */
export const ENTITY_TEXT_FIELDS = ['name', 'aliasText'] as const;
type TextField = (typeof SEARCH_TEXT_FIELDS)[number];

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

/** One term (already escaped) asked of each of the text properties. */
function inTextFields(term: string, fields: readonly TextField[]): string {
  return `(${fields.map((field) => `${field}:${term}`).join(' OR ')})`;
}

/**
 * The words of the query as Lucene clauses over the text properties, AND-ed; null when nothing
 * searchable is left (the caller answers "no results" without a query).
 */
export function textClauses(text: string, fields: readonly TextField[] = SEARCH_TEXT_FIELDS): string | null {
  const clauses = queryTokens(text).map((raw) => {
    // Lower-casing defuses AND/OR/NOT/TO; the analyzer lower-cases terms anyway.
    const exact = escapeLucene(raw.toLowerCase());
    // A prefix only for a plain word: "kassym-jomart*" would be one unanalysed term that never matches.
    const plainWord = /^[\p{L}\p{N}]+$/u.test(raw) && [...raw].length >= MIN_PREFIX_LENGTH;
    return plainWord ? `(${inTextFields(exact, fields)} OR ${inTextFields(`${escapeLucene(foldForPrefix(raw))}*`, fields)})` : inTextFields(exact, fields);
  });
  return clauses.length ? clauses.join(' AND ') : null;
}

/**
 * The whole query for one case (`kind` 'entity': in entities' names and aliases only): its id as a phrase (the analyzer splits it at hyphens, as it did
 * when indexing), required and scoring nothing, and the words. A case id that is a hyphenated
 * extension of this one also matches the phrase; the caller keeps exactly its case's records.
 */
export function luceneQuery(text: string, caseId: string, kind: 'entity' | null = null): string | null {
  if (!CASE_ID_PATTERN.test(caseId)) throw new RangeError(`not a case id: ${caseId}`);
  const words = textClauses(text, kind === 'entity' ? ENTITY_TEXT_FIELDS : SEARCH_TEXT_FIELDS);
  return words ? `caseId:"${caseId}"^0 AND ${words}` : null;
}
