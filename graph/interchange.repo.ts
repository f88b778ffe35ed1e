import { BUNDLE_FORMAT, CaseBundle } from '../lib/model/bundle';
import { Story, withoutMissing } from '../lib/stories/story.schema';
import { decodeCitation, decodeEntity, decodeEvent, decodeSource, toPlain, type Props } from './decode';
import { read } from './driver';
import { ConflictError, InvariantError } from './errors';
import { caseExists, importCaseBundle, type CaseCounts } from './import.repo';
import { GET_CASE_BUNDLE } from './queries/interchange.queries';

const nodeProps = (v: unknown): Props => (v as { properties: Props }).properties;

/**
 * The case as the bundle it was imported from (in canonical order): the export and backup format.
 * Importing what this returns gives back the same graph. Null when there is no such case.
 */
export async function getCaseBundle(caseId: string): Promise<CaseBundle | null> {
  const rec = (await read(GET_CASE_BUNDLE, { caseId })).records[0];
  if (!rec) return null;
  const withCitations = (rows: unknown) => rows as Array<{ node: unknown; citationIds: string[] }>;
  const candidate = {
    format: BUNDLE_FORMAT,
    version: 1,
    case: toPlain(rec.get('case')),
    sources: (rec.get('sources') as unknown[]).map((s) => decodeSource(nodeProps(s))),
    citations: (rec.get('citations') as unknown[]).map((c) => decodeCitation(nodeProps(c))),
    entities: withCitations(rec.get('entities')).map((x) => decodeEntity(nodeProps(x.node), x.citationIds)),
    events: withCitations(rec.get('events')).map((x) => decodeEvent(nodeProps(x.node), x.citationIds)),
    participations: toPlain(rec.get('participations')),
    relations: toPlain(rec.get('relations')),
    ...storiesOf(caseId, rec.get('stories') as unknown[]),
  };
  if (candidate.stories) {
    const has = {
      events: new Set(candidate.events.map((e) => e.id)),
      entities: new Set(candidate.entities.map((e) => e.id)),
      citations: new Set(candidate.citations.map((c) => c.id)),
    };
    candidate.stories = candidate.stories.map((s) => withoutMissing(s, has));
  }
  const parsed = CaseBundle.safeParse(candidate);
  if (!parsed.success) {
    // Stored data the model no longer accepts: say so rather than export something that will not import.
    throw new InvariantError(
      `case ${caseId} as stored does not make a valid bundle`,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/**
 * The case's stories for the bundle, only when it has some (so a case without stories exports the
 * bundle it always did). References the case no longer has are left out, as the presenter skips
 * them: otherwise an export of a case edited since a story was written would not import.
 */
function storiesOf(caseId: string, rows: unknown[]): { stories?: Story[] } {
  if (!rows.length) return {};
  const stories = (toPlain(rows) as Array<{ slug: string; title: string; summary: string | null; steps: string }>).map((r) =>
    Story.parse({ id: r.slug, caseId, title: r.title, summary: r.summary ?? '', steps: JSON.parse(r.steps) as unknown }),
  );
  return { stories };
}

export interface ImportResult {
  caseId: string;
  /** True when an existing case of that id was replaced (only with `replace`). */
  replaced: boolean;
  /** What the case holds after the import. */
  counts: CaseCounts;
}

/**
 * Imports a checked bundle as a case, in one transaction (importCaseBundle: all or nothing, every
 * event and relationship cited). An existing case is never overwritten by accident: that is a
 * conflict unless `replace` is asked for (a restore from backup).
 */
export async function importCase(bundle: CaseBundle, options: { replace?: boolean } = {}): Promise<ImportResult> {
  const caseId = bundle.case.id;
  const exists = await caseExists(caseId);
  if (exists && !options.replace) {
    throw new ConflictError(`case ${caseId} already exists: import under another case id, or ask to replace it`);
  }
  // A bundle that carries stories restores exactly those; one without (older bundles) leaves them.
  const counts = await importCaseBundle(bundle, { pruneStories: bundle.stories !== undefined });
  return { caseId, replaced: exists, counts };
}
