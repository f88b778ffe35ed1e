import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import '../../lib/zod';
import { z } from 'zod';
import { listCases } from '../../graph/cases.repo';
import { importCaseBundle } from '../../graph/import.repo';
import { getCaseBundle } from '../../graph/interchange.repo';
import { CaseId } from '../../lib/model/case';

/**
 * Backups as case bundles: one `<caseId>.timeweave.json` per case (the export format, which
 * imports back identically) and a manifest with each file's SHA-256, so a restore refuses a
 * truncated or edited file instead of loading half a case. Accounts and sessions are not included
 * (they are not case data); a Neo4j dump covers everything where the server's tools are at hand.
 */
const Manifest = z.object({
  format: z.literal('timeweave.backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  cases: z.array(z.object({ caseId: CaseId, file: z.string().regex(/^[a-z0-9-]+\.timeweave\.json$/), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
type Manifest = z.infer<typeof Manifest>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function backupCases(dir: string, onlyCaseIds?: readonly string[], log: (m: string) => void = () => {}): Promise<Manifest> {
  mkdirSync(dir, { recursive: true });
  const ids = onlyCaseIds ?? (await listCases()).map((c) => c.id);
  const manifest: Manifest = { format: 'timeweave.backup', version: 1, createdAt: new Date().toISOString(), cases: [] };
  for (const caseId of ids) {
    const bundle = await getCaseBundle(caseId);
    if (!bundle) throw new Error(`no case "${caseId}"`);
    const text = `${JSON.stringify(bundle, null, 1)}\n`;
    const file = `${caseId}.timeweave.json`;
    writeFileSync(path.join(dir, file), text);
    manifest.cases.push({ caseId, file, sha256: sha256(text) });
    log(`${caseId}: ${bundle.events.length} events, ${bundle.entities.length} entities, ${bundle.citations.length} citations`);
  }
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Checks every file against the manifest first, then loads each case in its own transaction
 * (idempotent: restoring twice changes nothing; an existing case is brought back to the backup).
 */
export async function restoreCases(dir: string, log: (m: string) => void = () => {}): Promise<string[]> {
  const manifest = Manifest.parse(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
  const present = new Set(readdirSync(dir));
  const texts = manifest.cases.map((c) => {
    if (!present.has(c.file)) throw new Error(`${c.file} is listed in the manifest but missing`);
    const text = readFileSync(path.join(dir, c.file), 'utf8');
    if (sha256(text) !== c.sha256) throw new Error(`${c.file} does not match its checksum: refusing to restore from a damaged backup`);
    return { ...c, bundle: JSON.parse(text) as unknown };
  });
  for (const c of texts) {
    // "Brought back to the backup" includes its stories: those saved since are removed too.
    const counts = await importCaseBundle(c.bundle, { pruneStories: true });
    log(`${c.caseId}: restored (${counts.events} events, ${counts.entities} entities)`);
  }
  return texts.map((c) => c.caseId);
}
