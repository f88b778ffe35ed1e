import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getCaseView } from '../../graph/cases.repo';
import { writeTransaction } from '../../graph/driver';
import { importCaseBundle } from '../../graph/import.repo';
import { getCaseBundle } from '../../graph/interchange.repo';
import { migrate } from '../../graph/migrations';
import { getPublishedVersion, listPublications, publishCase } from '../../graph/publications.repo';
import { setEventStatus } from '../../graph/provenance.repo';
import { caseViewFromBundle } from '../../lib/embed/bundle-view';
import { snapshotOf } from '../../lib/embed/publication';
import { caseVersion } from '../../lib/embed/version';
import { canonicalBundle } from '../../lib/interchange/bundle';
import { isolatedSampleCase } from './harness';

// Registered before the harness's own cleanup (which closes the driver): publications are not
// part of the case (they outlive edits), so they are removed here.
after(async () => {
  await writeTransaction((tx) => tx.run('MATCH (p:Publication {caseId: $caseId}) DETACH DELETE p', { caseId }));
});
const { caseId, bundle } = isolatedSampleCase('publications');
const editor = { id: 'usr_0000000000000001', username: 'it-publisher', role: 'editor' as const };

before(async () => {
  await migrate();
  await importCaseBundle(bundle);
});

describe('published versions (real Neo4j)', () => {
  it('a bundle renders as the same CaseView the read queries give', async () => {
    const live = await getCaseView(caseId);
    const stored = await getCaseBundle(caseId);
    assert.ok(live && stored);
    const fromBundle = caseViewFromBundle(stored);
    // The source list query does not read publisherEntityId (it defaults to null there).
    const noPublisherEntity = (v: typeof live) => ({ ...v, sources: v.sources.map((s) => ({ ...s, publisherEntityId: null })) });
    assert.deepEqual(noPublisherEntity(fromBundle), noPublisherEntity(live));
  });

  it('publishing is idempotent: the same content gives the one publication, unchanged', async () => {
    const first = await publishCase(caseId, editor);
    assert.equal(first.created, true);
    assert.equal(first.publication.version, caseVersion((await getCaseBundle(caseId))!));
    assert.equal(first.publication.publishedBy, 'it-publisher');
    const again = await publishCase(caseId, { ...editor, username: 'someone-else' });
    assert.equal(again.created, false);
    assert.deepEqual(again.publication, first.publication);
    const list = await listPublications(caseId);
    assert.deepEqual(list, [first.publication]);
  });

  it('the snapshot reads back exactly as published after the live case is edited', async () => {
    const before = (await getCaseBundle(caseId))!;
    const { publication } = await publishCase(caseId, editor);
    const event = before.events.find((e) => e.status === 'alleged')!;
    // An edit through the repository the status API uses.
    await setEventStatus(event.id, { status: 'denied', reason: 'integration test: the outlet retracted it' });
    const after = (await getCaseBundle(caseId))!;
    assert.notEqual(caseVersion(after), publication.version, 'the live version moved');
    assert.equal(after.events.find((e) => e.id === event.id)!.status, 'denied');

    const published = await getPublishedVersion(caseId, publication.version);
    assert.ok(published);
    const { stories: _stories, ...evidence } = before;
    assert.deepEqual(published.bundle, canonicalBundle(evidence));
    assert.equal(snapshotOf(published.bundle).version, publication.version);
    assert.equal(published.bundle.events.find((e) => e.id === event.id)!.status, 'alleged');

    // Publishing the edited case adds a second publication; the first is untouched.
    const second = await publishCase(caseId, editor);
    assert.equal(second.created, true);
    assert.notEqual(second.publication.version, publication.version);
    assert.deepEqual(
      (await listPublications(caseId)).map((p) => p.version).sort(),
      [publication.version, second.publication.version].sort(),
    );
    assert.equal(await getPublishedVersion(caseId, '0000000000000000'), null);
  });

  it('the uniqueness constraint holds (caseId, version)', async () => {
    const { publication } = await publishCase(caseId, editor);
    await assert.rejects(
      writeTransaction((tx) => tx.run('CREATE (:Publication {caseId: $caseId, version: $version})', { caseId, version: publication.version })),
      /already exists|constraint/i,
    );
  });
});
