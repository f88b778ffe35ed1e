import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { closeDriver } from '../../graph/driver';
import { InvariantError, NotFoundError, StaleVersionError, ConflictError } from '../../graph/errors';
import { deleteCase, importCaseBundle } from '../../graph/import.repo';
import { getCaseBundle, importCase } from '../../graph/interchange.repo';
import { migrate } from '../../graph/migrations';
import { createStory, deleteStory, getStory, listStories, updateStory } from '../../graph/stories.repo';
import { caseVersion } from '../../lib/embed/version';
import { exportCase, parseImport } from '../../lib/interchange';
import { canonicalBundle } from '../../lib/interchange/bundle';
import type { StoryStep } from '../../lib/stories/story.schema';
import { backupCases, restoreCases } from '../../scripts/lib/backup';
import { SAMPLE_CASE_DIR, readCaseFolderWithStories } from '../../scripts/lib/case-folder';
import { isolatedSampleCase } from './harness';

const { caseId, bundle } = isolatedSampleCase('stories');
const copyId = `${caseId}-copy`;
const dir = mkdtempSync(path.join(tmpdir(), 'tw-stories-'));

const ev = bundle.events;
const en = bundle.entities;
const citationOf = (eventIndex: number) => ev[eventIndex]!.citationIds[0]!;
const step = (i: number, over: Partial<StoryStep> = {}): StoryStep => ({
  title: `Step ${i}`,
  text: `What the presenter says in step ${i}.`,
  window: { start: '2022-01-01T00:00', end: '2022-02-01T00:00' },
  focus: [ev[i]!.id, en[i]!.id],
  citations: [citationOf(i)],
  ...over,
});

before(async () => {
  await migrate();
  await importCaseBundle(bundle);
});
// Registered after the harness's own hook, which has closed the driver by then: this one reopens it
// to delete the copy, so it closes it again, or the test process never exits.
after(async () => {
  await deleteCase(copyId);
  await closeDriver();
  rmSync(dir, { recursive: true, force: true });
});

describe('stories in Neo4j', () => {
  it('create → get → list → update (ordered steps, version) → delete', async () => {
    const created = await createStory(caseId, { title: 'Évènements de janvier', steps: [step(0), step(1)] }, null);
    assert.equal(created.id, 'evenements-de-janvier', 'the id is made from the title');
    assert.equal(created.version, 1);
    assert.deepEqual(await getStory(caseId, created.id), created);
    assert.deepEqual((await listStories(caseId)).map((s) => [s.id, s.steps, s.version]), [[created.id, 2, 1]]);

    // Reordered, one edited, one added: the steps come back in the saved order.
    const steps = [step(2), { ...step(1), title: 'Renamed' }, step(0)];
    const saved = await updateStory(caseId, created.id, { expectedVersion: 1, title: 'January', summary: 'Three steps', steps });
    assert.equal(saved.version, 2);
    assert.deepEqual(saved.steps.map((s) => s.title), ['Step 2', 'Renamed', 'Step 0']);
    assert.deepEqual((await getStory(caseId, created.id))!.steps, steps);

    // The same save again changes nothing, not even the version.
    const again = await updateStory(caseId, created.id, { expectedVersion: 2, title: 'January', summary: 'Three steps', steps });
    assert.equal(again.version, 2);

    await assert.rejects(createStory(caseId, { id: created.id, title: 'Dup', steps: [step(0)] }), ConflictError);
    await deleteStory(caseId, created.id, 2);
    assert.equal(await getStory(caseId, created.id), null);
    await assert.rejects(deleteStory(caseId, created.id), NotFoundError);
    await assert.rejects(updateStory(caseId, 'no-such-story', { expectedVersion: 1, title: 'x', steps: [step(0)] }), NotFoundError);
  });

  it('a save from a stale version is refused with the current version, and changes nothing', async () => {
    const s = await createStory(caseId, { id: 'stale', title: 'Stale', steps: [step(0)] });
    const mine = await updateStory(caseId, s.id, { expectedVersion: 1, title: 'Mine', steps: [step(0), step(1)] });
    await assert.rejects(
      updateStory(caseId, s.id, { expectedVersion: 1, title: 'Theirs', steps: [step(2)] }),
      (e: unknown) => e instanceof StaleVersionError && e.currentVersion === 2,
    );
    assert.deepEqual(await getStory(caseId, s.id), mine);
    await assert.rejects(deleteStory(caseId, s.id, 1), (e: unknown) => e instanceof StaleVersionError && e.currentVersion === 2);
    assert.ok(await getStory(caseId, s.id));
  });

  it('two saves from the same version at once: exactly one wins, the other gets a conflict', async () => {
    const s = await createStory(caseId, { id: 'race', title: 'Race', steps: [step(0)] });
    const results = await Promise.allSettled([
      updateStory(caseId, s.id, { expectedVersion: 1, title: 'A', steps: [step(1)] }),
      updateStory(caseId, s.id, { expectedVersion: 1, title: 'B', steps: [step(2)] }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 1);
    assert.ok(lost[0]!.reason instanceof StaleVersionError);
    assert.equal((await getStory(caseId, s.id))!.version, 2);
  });

  it('a step pointing at another case or at nothing is refused with which ids, and nothing is written', async () => {
    const sample = readCaseFolderWithStories(SAMPLE_CASE_DIR);
    const foreignEvent = sample.events[0]!.id;
    const missingCitation = 'cit_0000000000000000';
    const bad = [step(0), step(1, { focus: [foreignEvent], citations: [missingCitation] })];
    await assert.rejects(createStory(caseId, { id: 'bad', title: 'Bad', steps: bad }), (e: unknown) => {
      assert.ok(e instanceof InvariantError);
      assert.deepEqual(e.details, [
        { path: 'steps.1.focus', message: `no event ${foreignEvent} in this case` },
        { path: 'steps.1.citations', message: `no citation ${missingCitation} in this case` },
      ]);
      return true;
    });
    assert.equal(await getStory(caseId, 'bad'), null);

    const s = await createStory(caseId, { id: 'good', title: 'Good', steps: [step(0)] });
    await assert.rejects(updateStory(caseId, s.id, { expectedVersion: 1, title: 'Changed', steps: bad }), InvariantError);
    assert.deepEqual(await getStory(caseId, s.id), s);
    // Schema problems carry their field's path too.
    await assert.rejects(updateStory(caseId, s.id, { expectedVersion: 1, title: '', steps: [{ ...step(0), text: '' }] }), (e: unknown) => {
      assert.ok(e instanceof InvariantError);
      const paths = (e.details as Array<{ path: string }>).map((p) => p.path);
      assert.ok(paths.includes('title') && paths.includes('steps.0.text'), paths.join(', '));
      return true;
    });
    await assert.rejects(updateStory(caseId, s.id, { expectedVersion: 1, title: 'x', steps: [step(0)], extra: 1 }), InvariantError);
  });

  it('seeding the sample case from its folder is idempotent and keeps stories editors added', async () => {
    const sample = readCaseFolderWithStories(SAMPLE_CASE_DIR);
    const sampleId = sample.case.id;
    await importCaseBundle(sample);
    const first = await getStory(sampleId, 'established-vs-alleged');
    assert.equal(first!.steps.length, 7);
    assert.ok(first!.steps.every((s) => s.focus.every((id) => /^(evt|ent)_/.test(id))), 'case-file keys are stored as ids');
    await importCaseBundle(sample);
    assert.deepEqual(await getStory(sampleId, 'established-vs-alleged'), first, 'the same load twice changes nothing');

    // On this isolated case: a seeded story plus one an editor made; loading the folder again keeps both.
    const seeded = { id: 'seeded', caseId, title: 'Seeded', summary: '', steps: [step(0)] };
    await importCaseBundle({ ...bundle, stories: [seeded] });
    const editors = await createStory(caseId, { id: 'editors-own', title: 'Mine', steps: [step(1)] });
    await importCaseBundle({ ...bundle, stories: [seeded] });
    assert.equal((await getStory(caseId, 'seeded'))!.version, 1);
    assert.deepEqual(await getStory(caseId, editors.id), editors);
  });

  it('bundle export → delete → import gives the same case and stories; a copy re-keys their references; the content version ignores stories', async () => {
    const exported = (await getCaseBundle(caseId))!;
    assert.ok(exported.stories && exported.stories.length >= 4, 'the export carries the stories');
    const withoutStories = { ...exported };
    delete withoutStories.stories;
    assert.equal(caseVersion(exported), caseVersion(withoutStories), 'stories are not part of the content version');

    const file = exportCase(exported, { format: 'bundle' }, { baseUrl: 'http://x.test' }).body;
    await deleteCase(caseId);
    assert.equal(await getStory(caseId, 'good'), null, 'deleting the case deletes its stories');
    await importCase(parseImport('bundle', file).bundle);
    assert.deepEqual(await getCaseBundle(caseId), canonicalBundle(exported));

    // A copy under another id: every reference of every step follows the re-derived ids.
    await importCase(parseImport('bundle', file, { caseId: copyId }).bundle);
    const copy = (await getCaseBundle(copyId))!;
    assert.equal(copy.stories!.length, exported.stories!.length);
    const copyIds = new Set([...copy.events, ...copy.entities, ...copy.citations].map((r) => r.id));
    for (const s of copy.stories!) for (const st of s.steps) for (const id of [...st.focus, ...st.citations]) assert.ok(copyIds.has(id), id);

    // An old bundle (no stories field) still imports, and leaves the case's stories alone.
    const old = { ...exported, case: { ...exported.case, title: 'Renamed by an old bundle' } };
    delete old.stories;
    await importCase(old, { replace: true });
    assert.equal((await getCaseBundle(caseId))!.stories!.length, exported.stories!.length);
  });

  it('a restore from backup brings the stories back to the backup, removing those saved since', async () => {
    const before = (await getCaseBundle(caseId))!;
    await backupCases(dir, [caseId]);
    await createStory(caseId, { id: 'after-backup', title: 'After', steps: [step(0)] });
    const s = await getStory(caseId, 'good');
    await updateStory(caseId, 'good', { expectedVersion: s!.version, title: 'Edited after the backup', steps: [step(2)] });
    await restoreCases(dir);
    assert.deepEqual(await getCaseBundle(caseId), before);
    assert.equal(await getStory(caseId, 'after-backup'), null);
  });
});
