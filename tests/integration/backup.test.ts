import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deleteCase, getCaseCounts, importCaseBundle } from '../../graph/import.repo';
import { getCaseBundle } from '../../graph/interchange.repo';
import { backupCases, restoreCases } from '../../scripts/lib/backup';
import { isolatedSampleCase } from './harness';

const { caseId, bundle } = isolatedSampleCase('backup');
const dir = mkdtempSync(path.join(tmpdir(), 'tw-backup-'));

before(() => importCaseBundle(bundle));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('backup and restore (real Neo4j)', () => {
  it('round-trips a case exactly, even after it was deleted', async () => {
    const original = await getCaseBundle(caseId);
    const manifest = await backupCases(dir, [caseId]);
    assert.equal(manifest.cases.length, 1);
    await deleteCase(caseId);
    assert.equal(await getCaseCounts(caseId), null);
    assert.deepEqual(await restoreCases(dir), [caseId]);
    assert.deepEqual(await getCaseBundle(caseId), original);
    // Restoring again changes nothing.
    await restoreCases(dir);
    assert.deepEqual(await getCaseBundle(caseId), original);
  });

  it('refuses a damaged backup without writing anything', async () => {
    const file = path.join(dir, `${caseId}.timeweave.json`);
    const text = readFileSync(file, 'utf8');
    await deleteCase(caseId);
    writeFileSync(file, text.replace('"events"', '"evens"'));
    await assert.rejects(restoreCases(dir), /does not match its checksum/);
    assert.equal(await getCaseCounts(caseId), null);
    writeFileSync(file, text);
  });
});
