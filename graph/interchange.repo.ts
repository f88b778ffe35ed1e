import { BUNDLE_FORMAT, CaseBundle } from '../lib/model/bundle';
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
  };
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
  const counts = await importCaseBundle(bundle);
  return { caseId, replaced: exists, counts };
}
