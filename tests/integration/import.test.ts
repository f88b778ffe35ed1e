import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { read, writeInBatches, writeTransaction } from '../../graph/driver';
import { ConflictError, InvariantError } from '../../graph/errors';
import { upsertEvent } from '../../graph/events.repo';
import { caseExists, deleteCase, getCaseCounts, importCaseBundle, requireCitations } from '../../graph/import.repo';
import { PURGE_CASE_RECORDS, TOMBSTONE_CASE } from '../../graph/queries/import.queries';
import { migrate } from '../../graph/migrations';
import { makeId } from '../../lib/model/ids';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../scripts/lib/case-folder';
import { isolatedSampleCase } from './harness';

const { caseId, bundle } = isolatedSampleCase('import');

describe('loading a case into Neo4j', () => {
  before(() => migrate());

  it('stores everything the bundle has, and loading it twice changes nothing', async () => {
    const first = await importCaseBundle(bundle);
    assert.deepEqual(first, {
      sources: bundle.sources.length,
      citations: bundle.citations.length,
      entities: bundle.entities.length,
      events: bundle.events.length,
      participations: bundle.participations.length,
      relations: bundle.relations.length,
      eventSupports: bundle.events.reduce((n, e) => n + e.citationIds.length, 0),
    });
    const nodesBefore = (await read('MATCH (n {caseId: $caseId}) RETURN count(n) AS n', { caseId })).records[0]!.get('n').toNumber();
    const second = await importCaseBundle(bundle);
    assert.deepEqual(second, first);
    const nodesAfter = (await read('MATCH (n {caseId: $caseId}) RETURN count(n) AS n', { caseId })).records[0]!.get('n').toNumber();
    assert.equal(nodesAfter, nodesBefore);
  });

  it('keeps every stored quote verbatim at its offsets in its stored source text', async () => {
    const rows = await read(
      `MATCH (ci:Citation {caseId: $caseId})-[:QUOTES]->(s:Source)
       RETURN ci.quote AS quote, ci.start AS start, ci.end AS end, s.text AS text`,
      { caseId },
    );
    assert.equal(rows.records.length, bundle.citations.length);
    for (const r of rows.records) {
      const text = r.get('text') as string;
      assert.equal(text.slice(r.get('start').toNumber(), r.get('end').toNumber()), r.get('quote'));
    }
  });

  it('gives every event and relationship at least one existing citation', async () => {
    const uncitedEvents = await read(
      'MATCH (e:Event {caseId: $caseId}) WHERE NOT EXISTS { (:Citation)-[:SUPPORTS]->(e) } RETURN e.id',
      { caseId },
    );
    assert.equal(uncitedEvents.records.length, 0);
    const relations = await read(
      `MATCH (a:Entity {caseId: $caseId})-[r]->(:Entity)
       RETURN r.id AS id, size(r.citationIds) AS n, COUNT { MATCH (c:Citation) WHERE c.id IN r.citationIds } AS found`,
      { caseId },
    );
    assert.equal(relations.records.length, bundle.relations.length);
    for (const r of relations.records) {
      assert.ok(r.get('n').toNumber() > 0);
      assert.equal(r.get('found').toNumber(), r.get('n').toNumber());
    }
  });

  it('refuses an uncited event, and writes nothing', async () => {
    const before = await getCaseCounts(caseId);
    const base = bundle.events[0]!;
    const uncited = { ...base, id: makeId('event', caseId, 'uncited'), title: 'Uncited', citationIds: [] };
    await assert.rejects(upsertEvent(uncited), (e: unknown) => e instanceof InvariantError && /at least one citation/.test(e.message));
    const missing = { ...uncited, citationIds: [makeId('citation', 'nowhere', 0, 1)] };
    await assert.rejects(upsertEvent(missing), (e: unknown) => e instanceof InvariantError && /without existing citations/.test(e.message));
    assert.deepEqual(await getCaseCounts(caseId), before);
  });

  it('accepts a cited event through the same path', async () => {
    const base = bundle.events[0]!;
    const cited = { ...base, id: makeId('event', caseId, 'extra'), title: 'A cited extra event' };
    await upsertEvent(cited);
    const found = await read('MATCH (:Citation)-[:SUPPORTS]->(e:Event {id: $id}) RETURN e.title AS t', { id: cited.id });
    assert.equal(found.records[0]?.get('t'), 'A cited extra event');
    await importCaseBundle(bundle); // the bundle is the truth: re-importing prunes the extra event
    assert.equal((await read('MATCH (e:Event {id: $id}) RETURN e', { id: cited.id })).records.length, 0);
  });

  it('enforces citations inside the transaction, rolling back what it had written', async () => {
    const probe = makeId('event', caseId, 'probe');
    await assert.rejects(
      writeTransaction(async (tx) => {
        await tx.run('MATCH (c:Case {id: $caseId}) CREATE (c)-[:HAS_EVENT]->(:Event {id: $id, caseId: $caseId})', { caseId, id: probe });
        await requireCitations(tx, 'event', [{ id: probe, citationIds: ['cit_0000000000000000'] }]);
      }),
      InvariantError,
    );
    assert.equal((await read('MATCH (e:Event {id: $id}) RETURN e', { id: probe })).records.length, 0);
  });

  it('refuses an invalid bundle as a whole: the case is not half-written', async () => {
    const otherId = `${caseId}-bad`;
    const bad = { ...bundle, case: { ...bundle.case, id: otherId } }; // records still claim the old case id
    await assert.rejects(importCaseBundle(bad), InvariantError);
    assert.equal(await caseExists(otherId), false);
  });

  it('deletes a case whole, and finishes a deletion that was cut short; meanwhile the case is hidden and re-importing it is refused', async () => {
    const doomedId = `${caseId}-doomed`;
    const doomed = readCaseFolder(SAMPLE_CASE_DIR, doomedId);
    await importCaseBundle(doomed);
    const left = async () => (await read('MATCH (n {caseId: $id}) RETURN count(n) AS n', { id: doomedId })).records[0]!.get('n').toNumber();
    const tombstones = async () => (await read('MATCH (c:DeletedCase {id: $id}) RETURN count(c) AS n', { id: doomedId })).records[0]!.get('n').toNumber();
    assert.ok((await left()) > doomed.events.length);

    // A deletion stopped after hiding the case and purging one kind of record (as a crash would).
    await writeTransaction((tx) => tx.run(TOMBSTONE_CASE, { caseId: doomedId }));
    await writeInBatches(PURGE_CASE_RECORDS[0]!, { caseId: doomedId });
    assert.equal(await caseExists(doomedId), false, 'the case is hidden as soon as its deletion starts');
    assert.equal(await getCaseCounts(doomedId), null);
    assert.ok((await left()) > 0, 'records remain to purge');
    await assert.rejects(importCaseBundle(doomed), ConflictError);
    assert.equal(await caseExists(doomedId), false, 'the refused import wrote nothing');

    await deleteCase(doomedId);
    assert.equal(await left(), 0, 'nothing of the case is left');
    assert.equal(await tombstones(), 0);
    await deleteCase(doomedId); // again: a no-op
    const again = await importCaseBundle(doomed);
    assert.equal(again.events, doomed.events.length, 'once deleted, the id can be imported again');
    await deleteCase(doomedId);
    assert.equal(await left(), 0);
  });
});
