import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { getEventDetail } from '../../graph/details.repo';
import { writeTransaction } from '../../graph/driver';
import { ConflictError, InvariantError, NotFoundError } from '../../graph/errors';
import { importCaseBundle } from '../../graph/import.repo';
import { migrate } from '../../graph/migrations';
import { auditCitations, getSourceReader, replaceSourceText, setEventStatus } from '../../graph/provenance.repo';
import { isolatedSampleCase } from './harness';

/**
 * Provenance against the real Neo4j: replacing a source's text re-anchors its citations (after
 * insertions and deletions before a quote), a changed quote becomes an orphan, the audit's counts
 * and exit codes, status over the sample case, and an editor's status override.
 */
const { caseId, bundle } = isolatedSampleCase('prov');
const source = bundle.sources[0]!;
const text = source.text;
const citation = (fragment: string) => bundle.citations.find((c) => c.quote.includes(fragment))!;
const event = (fragment: string) => bundle.events.find((e) => e.title.includes(fragment))!;
const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

async function audit(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/audit.ts', '--case', caseId, ...args], {
      cwd: ROOT,
      env: process.env,
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

const stored = async (id: string) => (await getSourceReader(source.id))!.citations.find((c) => c.id === id)!;

describe('provenance (real Neo4j)', () => {
  before(async () => {
    await migrate();
    await importCaseBundle(bundle);
  });

  it('status over the sample case: the laboratory incident is alleged, the withdrawal reported by Zas via Interfax', async () => {
    const lab = (await getEventDetail(event('Alleged attack on a US-linked').id))!;
    assert.equal(lab.status, 'alleged');
    assert.equal(lab.derivedStatus, 'alleged');
    assert.equal(lab.statusSetBy, 'rules');
    const missing = (await getEventDetail(event('Equipment and materials said to be missing').id))!;
    assert.equal(missing.derivedStatus, 'alleged');

    const withdrawal = (await getEventDetail(event('Zas tells Interfax').id))!;
    assert.equal(withdrawal.status, 'reported');
    assert.equal(withdrawal.derivedStatus, 'reported');
    const c = withdrawal.citations[0]!;
    assert.deepEqual(
      c.attribution.map((l) => [l.role, l.name]),
      [['publisher', 'Press TV (French service)'], ['relay', 'Interfax'], ['origin', 'Stanislav Zas']],
    );
    assert.equal(c.assertedBy.kind, 'person');
    assert.equal(c.stance, 'reports');
    for (const key of ['quote', 'prefix', 'suffix', 'start', 'end', 'sourceId', 'assertedBy', 'stance'] as const) assert.ok(key in c, key);
  });

  it('keeps the headline claim its own alleged claim, with the rules\u2019 verdict beside the curator\u2019s', async () => {
    const headline = (await getEventDetail(event('Headline claim').id))!;
    assert.equal(headline.status, 'alleged');
    assert.equal(headline.derivedStatus, 'reported');
    assert.equal(headline.statusSetBy, 'editor');
    assert.match(headline.statusReason ?? '', /body/);
    const headlineCitations = new Set(headline.citationIds);
    for (const e of bundle.events.filter((x) => x.id !== headline.id)) {
      assert.ok(!e.citationIds.some((id) => headlineCitations.has(id)), `${e.title} shares the headline's words`);
    }
    const supports = (await stored(headline.citationIds[0]!)).supports;
    assert.deepEqual(supports.events.map((e) => e.id), [headline.id]);
  });

  it('shows the chain Press TV ← Avia.pro ← unnamed sources in the source reader', async () => {
    const c = await stored(citation('aurait pu être évacué').id);
    assert.deepEqual(c.attribution.map((l) => l.name), ['Press TV (French service)', 'Avia.pro', 'unnamed sources ("il est rapporté", it is reported)']);
    assert.deepEqual(c.supports.events.map((e) => e.title), ['Equipment and materials said to be missing from the laboratory']);
  });

  it('an editor overrides a status with a reason; the derived status stays; a stale version is refused', async () => {
    const id = event('Tokayev meets').id;
    const before = (await getEventDetail(id))!;
    await assert.rejects(setEventStatus(id, { status: 'confirmed', reason: '' }), InvariantError);
    const res = await setEventStatus(id, { status: 'confirmed', reason: 'Kazakh presidency readout seen by the editor.', expectedVersion: before.version });
    assert.equal(res.version, before.version + 1);
    const after = (await getEventDetail(id))!;
    assert.equal(after.status, 'confirmed');
    assert.equal(after.statusReason, 'Kazakh presidency readout seen by the editor.');
    assert.equal(after.statusSetBy, 'editor');
    assert.equal(after.derivedStatus, 'reported');
    await assert.rejects(setEventStatus(id, { status: 'alleged', reason: 'second thoughts', expectedVersion: before.version }), ConflictError);
    await assert.rejects(setEventStatus('evt_0000000000000000', { status: 'alleged', reason: 'nothing there' }), NotFoundError);
  });

  it('audit: everything anchored exits 0', async () => {
    const report = await auditCitations({ caseId });
    assert.deepEqual(report.counts, { anchored: bundle.citations.length, moved: 0, orphaned: 0 });
    const { code, out } = await audit();
    assert.equal(code, 0, out);
    assert.match(out, new RegExp(`anchored: ${bundle.citations.length}, moved: 0, orphaned: 0`));
  });

  it('re-anchors every citation after an insertion and a deletion before the quotes', async () => {
    const caption = text.indexOf('US Rep. Ilhan Omar');
    const captionEnd = text.indexOf('\n', caption) + 1;
    const edited = `Correction (14 janvier) : légende de photo retirée.\n\n${text.slice(0, caption)}${text.slice(captionEnd)}`;
    const shift = edited.length - text.length;
    const report = await replaceSourceText(source.id, edited);
    assert.equal(report.unchanged, false);
    assert.equal(report.counts.orphaned, 0);
    assert.equal(report.counts.anchored + report.counts.moved, bundle.citations.length);
    const tokayev = citation('a annoncé la fin de la mission');
    const now = await stored(tokayev.id);
    assert.equal(now.start, tokayev.start + shift);
    assert.equal(now.orphaned, false);
    const reader = (await getSourceReader(source.id))!;
    assert.equal(reader.text, edited);
    for (const c of reader.citations) assert.equal(reader.text.slice(c.start, c.end), c.quote, c.id);
    assert.equal(reader.furniture.length, source.furniture.length - 1, 'the removed caption is no longer furniture');
    assert.deepEqual((await auditCitations({ caseId })).counts, { anchored: bundle.citations.length, moved: 0, orphaned: 0 });
  });

  it('turns a changed quote into an orphan: kept, flagged, listed, never pointed at the new words', async () => {
    const tokayev = citation('a annoncé la fin de la mission');
    const current = (await getSourceReader(source.id))!.text;
    const changed = current.replace('dans trois régions du Kazakhstan', 'dans quatre régions du Kazakhstan');
    const report = await replaceSourceText(source.id, changed);
    assert.equal(report.counts.orphaned, 1);
    assert.equal(report.citations.find((c) => c.status === 'orphaned')!.id, tokayev.id);
    const orphan = await stored(tokayev.id);
    assert.equal(orphan.orphaned, true);
    assert.equal(orphan.quote, tokayev.quote, 'the orphan keeps the words it cited');
    assert.notEqual(changed.slice(orphan.start, orphan.end), orphan.quote);

    // The event resting only on it has nothing left to derive a status from; the other keeps its own.
    const announce = (await getEventDetail(event('Tokayev announces the end').id))!;
    assert.equal(announce.derivedStatus, null);
    const lifted = (await getEventDetail(event('State of emergency lifted').id))!;
    assert.equal(lifted.derivedStatus, 'reported');

    const report2 = await auditCitations({ caseId });
    assert.equal(report2.counts.orphaned, 1);
    assert.equal(report2.problems[0]!.id, tokayev.id);
  });

  it('audit: an orphan makes it exit non-zero and is listed', async () => {
    const { code, out } = await audit();
    assert.equal(code, 1, out);
    assert.match(out, /orphaned: 1/);
    assert.match(out, new RegExp(citation('a annoncé la fin de la mission').id));
  });

  it('an orphan re-anchors when its words come back', async () => {
    const restored = await replaceSourceText(source.id, text);
    assert.equal(restored.counts.orphaned, 0, 'the original text brings the orphan back');
    assert.equal((await stored(citation('a annoncé la fin de la mission').id)).orphaned, false);
    const { code, out } = await audit();
    assert.equal(code, 0, out);
    assert.match(out, new RegExp(`anchored: ${bundle.citations.length}, moved: 0, orphaned: 0`));
  });

  it('audit: stale offsets are reported as moved (exit 0) and corrected with --fix', async () => {
    const zas = citation('se poursuivra pendant dix jours');
    // Offsets knocked out of place behind the repositories' back, as a hand edit of the database would.
    await writeTransaction((tx) =>
      tx.run('MATCH (ci:Citation {id: $id}) SET ci.start = ci.start + 7, ci.end = ci.end + 7', { id: zas.id }),
    );
    const stale = await audit();
    assert.equal(stale.code, 0, stale.out);
    assert.match(stale.out, /moved: 1, orphaned: 0/);
    assert.match(stale.out, /--fix/);
    const fixed = await audit('--fix');
    assert.match(fixed.out, /fixed the offsets of 1 moved citation/);
    const now = await stored(zas.id);
    assert.deepEqual([now.start, now.end], [zas.start, zas.end]);
    assert.deepEqual((await auditCitations({ caseId })).counts, { anchored: bundle.citations.length, moved: 0, orphaned: 0 });
  });

  it('refuses to replace the text of an unknown source, or with an empty text', async () => {
    await assert.rejects(replaceSourceText('src_0000000000000000', 'x'), NotFoundError);
    await assert.rejects(replaceSourceText(source.id, ''), InvariantError);
  });

  it('source:replace runs as a command: exit 0 when all re-anchor, 2 with orphans', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tw-src-'));
    const file = path.join(dir, 'corrected.txt');
    writeFileSync(file, `Préambule ajouté.\n${text}`);
    const cmd = (f: string, ...extra: string[]) =>
      run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/source-replace.ts', source.id, f, ...extra], { cwd: ROOT, env: process.env })
        .then((r) => ({ code: 0, out: r.stdout }))
        .catch((e: { code?: number; stdout?: string }) => ({ code: e.code ?? 1, out: e.stdout ?? '' }));
    const ok = await cmd(file);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, new RegExp(`anchored: 0, moved: ${bundle.citations.length}, orphaned: 0`));
    writeFileSync(file, text.replace('se poursuivra pendant dix jours', 'se poursuivra pendant deux semaines'));
    const dry = await cmd(file, '--dry-run');
    assert.equal(dry.code, 2, dry.out);
    assert.match(dry.out, /dry run/);
    assert.equal((await getSourceReader(source.id))!.text, `Préambule ajouté.\n${text}`, 'a dry run writes nothing');
    await replaceSourceText(source.id, text);
  });
});
