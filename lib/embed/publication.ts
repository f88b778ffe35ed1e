import '../zod';
import { z } from 'zod';
import { CaseBundle } from '../model/bundle';
import { CaseId } from '../model/case';
import { canonicalBundle } from '../interchange/bundle';
import { sha256Hex } from '../model/ids';
import { VERSION_PATTERN, stableStringify } from './version';

/**
 * Published versions (issue 6): an editor publishes the case as it is now, and an embed pinned to
 * that version keeps showing exactly that content, whatever is edited later. The snapshot is the
 * canonical bundle as JSON text (lib/interchange/bundle.ts, keys sorted; without stories, which
 * are not evidence): the very string whose SHA-256 is the case version (lib/embed/version.ts), so
 * a stored snapshot can always be checked against its version when it is read back.
 */

/**
 * The largest snapshot stored: 16 MiB of JSON. A pinned embed parses its snapshot whole on the
 * server, and Neo4j keeps it as one string property written in one transaction, so it must stay
 * well inside the default 1 GB heap and a page render. Source texts dominate a bundle (the ingest
 * accepts up to 2 MB per article, the sample case is ~40 KB): 16 MiB is room for dozens of long
 * articles with their citations, while a case past it is refused clearly (422) rather than slowing
 * every embed of it.
 */
export const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;
/** How many publications a case lists (newest first). */
export const MAX_PUBLICATIONS_LISTED = 200;

export const Version = z.string().regex(VERSION_PATTERN, 'a version is 16 hex digits');

/** Neo4j prints datetimes with nanoseconds; the API speaks ISO 8601 with milliseconds. */
const Instant = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v.replace(/(\.\d{3})\d+/, '$1'))), 'not an instant')
  .transform((v) => new Date(Date.parse(v.replace(/(\.\d{3})\d+/, '$1'))).toISOString());

export const Publication = z.strictObject({
  caseId: CaseId,
  version: Version,
  publishedAt: Instant,
  /** Username of the editor who published it. */
  publishedBy: z.string(),
  /** The case title as published. */
  title: z.string(),
  /** Size of the stored snapshot (UTF-8 bytes of its JSON). */
  bytes: z.number().int().nonnegative(),
});
export type Publication = z.infer<typeof Publication>;

/** `GET /api/cases/{caseId}/publications`. */
export const PublicationList = z.strictObject({
  caseId: CaseId,
  /**
   * The live content version now, to tell whether the newest publication is still current; null
   * for a case over 2,000 events (LARGE_TIMELINE_EVENTS), embedded live only: its version would
   * mean hashing the whole case, and a snapshot of it would not be published.
   */
  live: Version.nullable(),
  publications: z.array(Publication),
});
export type PublicationList = z.infer<typeof PublicationList>;

/** `POST /api/cases/{caseId}/publications`: 201 with created true, 200 with the existing one. */
export const PublishResult = z.strictObject({ publication: Publication, created: z.boolean() });
export type PublishResult = z.infer<typeof PublishResult>;

export interface Snapshot {
  version: string;
  json: string;
  bytes: number;
}

/** The text stored for a bundle, and the version it is (the same string hashed). */
export function snapshotOf(bundle: CaseBundle): Snapshot {
  // The evidence only, as caseVersion hashes it: stories (presentations) are not part of the
  // content version, and an embed does not show them.
  const { stories: _stories, ...evidence } = bundle;
  const json = stableStringify(canonicalBundle(evidence));
  return { version: sha256Hex(json).slice(0, 16), json, bytes: new TextEncoder().encode(json).length };
}

export class SnapshotCorruptError extends Error {
  override name = 'SnapshotCorruptError';
}

/**
 * A stored snapshot back to a bundle, refusing one that does not hash to its version or no longer
 * parses as a bundle: an embed must never show content under a version it is not.
 */
export function readSnapshot(json: string, version: string): CaseBundle {
  if (sha256Hex(json).slice(0, 16) !== version) throw new SnapshotCorruptError(`snapshot of version ${version} does not match its hash`);
  const parsed = CaseBundle.safeParse(JSON.parse(json));
  if (!parsed.success) throw new SnapshotCorruptError(`snapshot of version ${version} is not a valid case bundle`);
  return parsed.data;
}

/** "26 Nov 2026, 03:42 UTC": the notice on a pinned embed. Always UTC, so every reader sees one date. */
export function formatPublishedAt(iso: string): string {
  const d = new Date(iso);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}
