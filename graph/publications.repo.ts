import 'server-only';
import type { UserView } from '../lib/auth/auth.schema';
import { MAX_PUBLICATIONS_LISTED, MAX_SNAPSHOT_BYTES, Publication, readSnapshot, snapshotOf, type PublicationList, type PublishResult } from '../lib/embed/publication';
import { caseVersion } from '../lib/embed/version';
import { isLargeCase } from '../lib/views/timeline-buckets';
import { getCase, requireSmallCase } from './cases.repo';
import type { CaseBundle } from '../lib/model/bundle';
import { toPlain } from './decode';
import { neo4j, read, writeTransaction } from './driver';
import { InvariantError, NotFoundError } from './errors';
import { getCaseBundle } from './interchange.repo';
import { GET_PUBLICATION, GET_PUBLICATION_SUMMARY, LIST_PUBLICATIONS, PUBLISH_VERSION } from './queries/publications.queries';

/**
 * Published versions of a case: immutable snapshots of its canonical bundle, keyed by (caseId,
 * content version), for embeds pinned to what an article saw (lib/embed/publication.ts).
 */

/**
 * Publishes the case as it is now. The bundle is read, its version computed from the very text
 * stored, and written in one transaction that also checks the case still exists: the stored
 * snapshot always hashes to its version. Publishing unchanged content returns the existing
 * publication (created: false) and changes nothing.
 */
export async function publishCase(caseId: string, by: UserView): Promise<PublishResult> {
  // Before the bundle is read: a large case's bundle alone would take the server's memory.
  if (!(await requireSmallCase(caseId, 'a published version'))) throw new NotFoundError(`no case "${caseId}"`);
  const bundle = await getCaseBundle(caseId);
  if (!bundle) throw new NotFoundError(`no case "${caseId}"`);
  const snap = snapshotOf(bundle);
  if (snap.bytes > MAX_SNAPSHOT_BYTES) {
    throw new InvariantError(
      `refused: the case is ${(snap.bytes / 1048576).toFixed(1)} MB as a snapshot; published versions are limited to ${MAX_SNAPSHOT_BYTES / 1048576} MB`,
    );
  }
  const rec = await writeTransaction(async (tx) => {
    const res = await tx.run(PUBLISH_VERSION, { caseId, version: snap.version, bundle: snap.json, bytes: snap.bytes, username: by.username, userId: by.id });
    return res.records[0] ?? null;
  });
  if (!rec) throw new NotFoundError(`no case "${caseId}"`);
  return { publication: Publication.parse(toPlain(rec.get('publication'))), created: rec.get('created') === true };
}

/**
 * The case's content version now: a hash of its whole canonical bundle (lib/embed/version.ts).
 * Refused for a large case (requireSmallCase). Null when the case does not exist.
 */
export async function getLiveVersion(caseId: string): Promise<string | null> {
  if (!(await requireSmallCase(caseId, 'a pinned version'))) return null;
  const bundle = await getCaseBundle(caseId);
  return bundle ? caseVersion(bundle) : null;
}

/**
 * `GET /api/cases/{caseId}/publications`: the publications, newest first, and the live version,
 * which is null for a case over LARGE_TIMELINE_EVENTS events (it would mean hashing the whole
 * case; such a case is embedded live). Null when the case does not exist.
 */
export async function getPublicationList(caseId: string): Promise<PublicationList | null> {
  const summary = await getCase(caseId);
  if (!summary) return null;
  const large = isLargeCase(summary);
  const [bundle, publications] = await Promise.all([large ? null : getCaseBundle(caseId), listPublications(caseId)]);
  if (!large && !bundle) return null;
  return { caseId, live: bundle ? caseVersion(bundle) : null, publications };
}

/** The case's publications, newest first; metadata only. */
export async function listPublications(caseId: string): Promise<Publication[]> {
  const res = await read(LIST_PUBLICATIONS, { caseId, limit: neo4j.int(MAX_PUBLICATIONS_LISTED) });
  return res.records.map((r) => Publication.parse(toPlain(r.get('publication'))));
}

export interface PublishedVersion {
  publication: Publication;
  bundle: CaseBundle;
}

/**
 * One published version with its snapshot, or null when that version was never published.
 * Snapshots are immutable, so parsed ones are kept in a small per-process cache: a pinned embed
 * in a busy article does not re-parse megabytes of JSON on every view.
 */
const cache = new Map<string, PublishedVersion>();
const CACHE_ENTRIES = 16;

/** A publication's record without its snapshot; null when that version was never published. */
export async function getPublication(caseId: string, version: string): Promise<Publication | null> {
  const rec = (await read(GET_PUBLICATION_SUMMARY, { caseId, version })).records[0];
  return rec ? Publication.parse(toPlain(rec.get('publication'))) : null;
}

export async function getPublishedVersion(caseId: string, version: string): Promise<PublishedVersion | null> {
  const key = `${caseId}\u001f${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rec = (await read(GET_PUBLICATION, { caseId, version })).records[0];
  if (!rec) return null;
  const found: PublishedVersion = {
    publication: Publication.parse(toPlain(rec.get('publication'))),
    bundle: readSnapshot(String(rec.get('bundle')), version),
  };
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, found);
  return found;
}
