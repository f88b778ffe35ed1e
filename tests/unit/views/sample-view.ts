import { CaseView } from '../../../lib/api/views';
import { caseViewFromBundle } from '../../../lib/embed/bundle-view';
import type { CaseBundle } from '../../../lib/model/bundle';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';

/**
 * The curated Kazakhstan case as the case page receives it, built from the case folder without a
 * database (test fixture only; the app reads it through graph/cases.repo.ts). Built by the same
 * mapping a published snapshot renders through (lib/embed/bundle-view.ts, itself checked against
 * getCaseView on real Neo4j), and parsed with the API schema, so a drift fails loudly.
 */
export function sampleCaseView(): { view: CaseView; bundle: CaseBundle } {
  const bundle = readCaseFolder(SAMPLE_CASE_DIR);
  return { view: CaseView.parse(caseViewFromBundle(bundle)), bundle };
}
