import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import { closeDriver } from '../../graph/driver';
import { deleteCase } from '../../graph/import.repo';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../scripts/lib/case-folder';

/**
 * Each integration test file works in its own id space: the sample case compiled under a fresh
 * case id (ids derive from it), deleted after the file's tests, whatever their outcome.
 */
export function isolatedSampleCase(label: string) {
  const caseId = `it-${label}-${randomBytes(4).toString('hex')}`;
  const bundle = readCaseFolder(SAMPLE_CASE_DIR, caseId);
  after(async () => {
    await deleteCase(caseId);
    await closeDriver();
  });
  return { caseId, bundle };
}
