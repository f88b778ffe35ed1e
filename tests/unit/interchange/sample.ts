import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';
import type { CaseBundle } from '../../../lib/model/bundle';

let cached: CaseBundle | null = null;
/** The curated sample case, compiled once per test file. */
export function sampleBundle(): CaseBundle {
  cached ??= readCaseFolder(SAMPLE_CASE_DIR);
  return cached;
}
