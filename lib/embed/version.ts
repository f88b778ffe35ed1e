import type { CaseBundle } from '../model/bundle';
import { sha256Hex } from '../model/ids';
import { canonicalBundle } from '../interchange/bundle';

/**
 * The content version of a case: the first 16 hex digits of a SHA-256 of its canonical bundle
 * (records sorted by id, citation ids sorted; lib/interchange/bundle.ts), so the same content always
 * has the same version whatever order Neo4j returns it in, and any edit to an event, entity,
 * citation, source, participation or relationship changes it. Pure and isomorphic.
 *
 * Keys are serialised in sorted order too: two bundles equal as data have one version even if
 * their objects were built with fields in a different order.
 */
export const VERSION_PATTERN = /^[0-9a-f]{16}$/;

export function caseVersion(bundle: CaseBundle): string {
  // Stories are left out on purpose: editing a presentation changes no evidence, so it must not
  // mark every pinned embed of the case as "changed since it was embedded".
  const { stories: _stories, ...evidence } = bundle;
  return sha256Hex(stableStringify(canonicalBundle(evidence))).slice(0, 16);
}

export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
