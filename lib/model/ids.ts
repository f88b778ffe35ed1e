import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Deterministic ids (the followthemoney approach): an id is a hash of the parts that make a record
 * what it is, so loading the same data twice yields the same ids and MERGE changes nothing.
 * Isomorphic (no Node crypto) because lib/ is shared with the browser.
 */
const ID_PREFIXES = {
  source: 'src',
  citation: 'cit',
  entity: 'ent',
  event: 'evt',
  participation: 'par',
  relation: 'rel',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

export const ID_PATTERN = /^(src|cit|ent|evt|par|rel)_[0-9a-f]{16}$/;
/** Case ids are human-chosen slugs; they appear in URLs. */
export const CASE_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export function makeId(kind: IdKind, ...parts: ReadonlyArray<string | number>): string {
  // The unit separator cannot occur in the parts we hash, so ("a","bc") and ("ab","c") differ.
  const key = parts.map(String).join('\u001f');
  return `${ID_PREFIXES[kind]}_${sha256Hex(key).slice(0, 16)}`;
}

export function idKindOf(id: string): IdKind | null {
  const prefix = id.slice(0, 3);
  const entry = Object.entries(ID_PREFIXES).find(([, p]) => p === prefix);
  return entry && ID_PATTERN.test(id) ? (entry[0] as IdKind) : null;
}

/** A title → a lowercase ASCII slug (accents dropped, at most 60 characters); empty when nothing is left. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
