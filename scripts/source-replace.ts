/**
 * `npm run source:replace -- <sourceId> <file> [--dry-run]`: replaces a stored source's text by a
 * corrected version (UTF-8 file) and re-anchors every citation in it, in one transaction. Prints
 * each citation's outcome: anchored (same offsets), moved (new offsets), orphaned (kept and
 * flagged, never pointed at other words).
 *
 * Exit codes: 0 every citation re-anchored; 1 failure; 2 done, but some citations are orphans
 * (an editor must re-cite or withdraw them; `npm run audit` keeps listing them).
 * With --dry-run nothing is written: the transaction is rolled back after computing the report.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SourceIdParam } from '../lib/api/params';
import { previewReplaceSourceText, replaceSourceText } from '../graph/provenance.repo';
import { runCli } from './lib/cli';

runCli('source:replace', async () => {
  const { positionals, values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } }, allowPositionals: true });
  const [sourceId, file] = positionals;
  if (!sourceId || !file || positionals.length !== 2) throw new Error('usage: npm run source:replace -- <sourceId> <file> [--dry-run]');
  SourceIdParam.parse({ sourceId });
  const text = readFileSync(file, 'utf8');
  const report = values['dry-run'] ? await previewReplaceSourceText(sourceId, text) : await replaceSourceText(sourceId, text);
  if (report.unchanged) {
    console.log(`[source:replace] ${sourceId}: the new text is the stored text (sha256 ${report.contentHash.slice(0, 12)}…): nothing to do`);
    return 0;
  }
  console.log(`[source:replace] ${sourceId}: ${report.previousContentHash.slice(0, 12)}… → ${report.contentHash.slice(0, 12)}…${values['dry-run'] ? ' (dry run: nothing written)' : ''}`);
  for (const c of report.citations) {
    const detail =
      c.status === 'orphaned'
        ? `${c.reason}${c.candidate ? `; closest: «${c.candidate.slice(0, 60)}»` : ''}`
        : `${c.from.start}-${c.from.end} → ${c.to!.start}-${c.to!.end} (${c.method})${c.requoted ? ` re-quoted as «${c.requoted.slice(0, 60)}»` : ''}`;
    console.log(`[source:replace] ${c.status.padEnd(8)} ${c.id}: ${detail}`);
  }
  console.log(`[source:replace] furniture spans: ${report.furniture.kept} kept, ${report.furniture.dropped} dropped`);
  const { anchored, moved, orphaned } = report.counts;
  console.log(`anchored: ${anchored}, moved: ${moved}, orphaned: ${orphaned}`);
  return orphaned > 0 ? 2 : 0;
});
