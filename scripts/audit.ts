/**
 * `npm run audit [-- --case <caseId>] [--fix] [--json]`: checks every citation in the database
 * against its stored source text and prints how many are anchored (their quote stands at their
 * offsets), moved (found elsewhere: stale offsets) and orphaned (not found, or flagged as orphans
 * when their text was replaced).
 *
 * Exit codes: 0 no orphan; 1 at least one orphan (or the audit could not run). With --fix, moved
 * citations get their offsets corrected; orphans are never fixed automatically.
 */
import { parseArgs } from 'node:util';
import { auditCitations } from '../graph/provenance.repo';
import { runCli } from './lib/cli';

runCli('audit', async () => {
  const { values } = parseArgs({
    options: { case: { type: 'string' }, fix: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    allowPositionals: false,
  });
  const report = await auditCitations({ caseId: values.case ?? null, fix: values.fix });
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const { anchored, moved, orphaned } = report.counts;
    console.log(`[audit] ${report.sources} source(s), ${anchored + moved + orphaned} citation(s)${values.case ? ` in case ${values.case}` : ''}`);
    for (const p of report.problems) {
      const where = p.status === 'moved' && p.to ? `${p.from.start}-${p.from.end} → ${p.to.start}-${p.to.end} (${p.method})` : p.reason ?? '';
      console.log(`[audit] ${p.status.padEnd(8)} ${p.id} in ${p.sourceId} «${shorten(p.quote)}»: ${where}`);
    }
    if (report.fixed) console.log(`[audit] fixed the offsets of ${report.fixed} moved citation(s)`);
    console.log(`anchored: ${anchored}, moved: ${moved}, orphaned: ${orphaned}`);
    if (moved && !values.fix) console.log('[audit] moved citations have stale offsets: run `npm run audit -- --fix` to correct them');
  }
  return report.counts.orphaned > 0 ? 1 : 0;
});

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
