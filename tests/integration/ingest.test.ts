import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { read } from '../../graph/driver';
import { InvariantError } from '../../graph/errors';
import { importCaseBundle } from '../../graph/import.repo';
import { commitReviewed, findSourceByHash, getCaseForIngest, writeIngestDelta } from '../../graph/ingest.repo';
import { migrate } from '../../graph/migrations';
import { IngestInputError } from '../../lib/ingest/errors';
import { acceptAll, type ProposalsDocument } from '../../lib/ingest/proposals.schema';
import { applyReview } from '../../lib/ingest/review';
import { RulesExtractor } from '../../lib/ingest/rules-extractor';
import { runIngest, type IngestInput } from '../../lib/ingest/runner';
import { isolatedSampleCase } from './harness';
import { rollupMismatches } from './support/event-days';

const { caseId, bundle } = isolatedSampleCase('ingest');
const graph = { getCaseForIngest, findSourceByHash, commitReviewed };
const ARTICLE = `Title: Kazakhstan: Tokayev dismisses the head of intelligence
Publisher: Steppe Courier
Date: 2022-01-08

President Kassym-Jomart Tokayev dismissed the head of the National Security Committee, Karim Massimov, on Thursday.

According to unnamed sources, looters allegedly emptied several banks in central Almaty on Wednesday night.

Moscow denied on Friday that Russian troops took part in police operations.`;

/** Everything the case has, as one number per label: the database is "unchanged" when this is. */
async function snapshot(): Promise<string> {
  const res = await read(
    `MATCH (c:Case {id: $caseId})
     RETURN COUNT { (c)-[:HAS_SOURCE]->() } AS sources, COUNT { (c)-[:HAS_EVENT]->() } AS events, COUNT { (c)-[:HAS_ENTITY]->() } AS entities,
            COUNT { (ci:Citation {caseId: $caseId}) } AS citations, COUNT { (:Citation {caseId: $caseId})-[:SUPPORTS]->() } AS supports,
            COUNT { (:Entity {caseId: $caseId})-[:PARTICIPATES_IN]->() } AS participations,
            COUNT { (c)-[:HAS_ENTITY]->(:Entity)-[r]->(:Entity) } AS relations,
            reduce(n = 0, r IN COLLECT { MATCH (c)-[:HAS_ENTITY]->(:Entity)-[r]->(:Entity) RETURN r } | n + size(coalesce(r.citationIds, []))) AS relationCitations`,
    { caseId },
  );
  const r = res.records[0]!;
  return ['sources', 'events', 'entities', 'citations', 'supports', 'participations', 'relations', 'relationCitations'].map((k) => `${k}=${r.get(k).toNumber()}`).join(' ');
}

async function proposals(text = ARTICLE): Promise<ProposalsDocument> {
  const { document } = await runIngest({ caseId, input: { kind: 'text', text } }, { graph, extractor: new RulesExtractor() });
  return document;
}

describe('ingest against Neo4j', () => {
  before(async () => {
    await migrate();
    await importCaseBundle(bundle);
  });

  it('proposes without writing anything, resolving mentions against the case', async () => {
    const before = await snapshot();
    const doc = await proposals();
    assert.equal(await snapshot(), before);
    assert.ok(doc.events.length >= 3);
    const tokayev = doc.entities.find((e) => e.name === 'Kassym-Jomart Tokayev');
    assert.equal(tokayev?.action, 'link');
    assert.equal(tokayev?.entityId, bundle.entities.find((e) => e.name === 'Kassym-Jomart Tokayev')!.id);
    assert.equal(doc.alreadyIngested, null);
  });

  it('commits the accepted proposals in one transaction, each quote verbatim in the stored text', async () => {
    const before = await snapshot();
    const doc = await proposals();
    const decisions = acceptAll(doc);
    decisions.events[decisions.events.length - 1]!.decision = 'reject';
    const res = await commitReviewed(doc, decisions, '2022-01-09');
    assert.equal(res.status, 'committed');
    assert.notEqual(await snapshot(), before);
    if (res.status !== 'committed') return;
    assert.equal(res.eventIds.length, doc.events.length - 1);
    assert.deepEqual(await rollupMismatches(caseId), [], 'the day rollups count the new events');
    const rows = await read(
      `MATCH (e:Event)<-[:SUPPORTS]-(ci:Citation)-[:QUOTES]->(s:Source {id: $sourceId})
       RETURN e.status AS status, ci.quote AS quote, ci.start AS start, ci.end AS end, s.text AS text`,
      { sourceId: res.sourceId },
    );
    assert.equal(rows.records.length, doc.events.length - 1);
    for (const r of rows.records) {
      assert.equal((r.get('text') as string).slice(r.get('start').toNumber(), r.get('end').toNumber()), r.get('quote'));
      assert.notEqual(r.get('status'), 'confirmed');
    }
    const looting = await read(`MATCH (e:Event {caseId: $caseId}) WHERE toLower(e.title) CONTAINS 'looters' RETURN e.status AS s`, { caseId });
    assert.equal(looting.records[0]?.get('s'), 'alleged');
    // The existing entity gained a citation and kept its own name.
    const tok = await read(`MATCH (e:Entity {id: $id}) RETURN e.name AS name, COUNT { (:Citation)-[:SUPPORTS]->(e) } AS n`, { id: bundle.entities.find((e) => e.name === 'Kassym-Jomart Tokayev')!.id });
    assert.equal(tok.records[0]!.get('name'), 'Kassym-Jomart Tokayev');
    // The relationship read in the same sentence was written in the same transaction, with its citation.
    const leads = doc.relations.find((r) => r.type === 'LEADS');
    assert.ok(leads, 'a LEADS relationship is proposed ("the head of the National Security Committee, Karim Massimov")');
    assert.equal(res.counts.relations, doc.relations.length);
    const rel = await read(
      `MATCH (p:Entity {caseId: $caseId, name: 'Karim Massimov'})-[r:LEADS]->(o:Entity {caseId: $caseId})
       MATCH (ci:Citation {id: r.citationIds[0]})-[:QUOTES]->(:Source {id: $sourceId})
       RETURN o.name AS org, ci.quote AS quote`,
      { caseId, sourceId: res.sourceId },
    );
    assert.equal(rel.records.length, 1);
    assert.match(rel.records[0]!.get('quote') as string, /head of the National Security Committee, Karim Massimov/);
  });

  it('a relationship read again in another article gains its citation instead of a second edge', async () => {
    const other = ARTICLE.replace('Steppe Courier', 'Plains Herald').replace('on Thursday', 'late on Thursday');
    const doc = await proposals(other);
    const res = await commitReviewed(doc, acceptAll(doc), '2022-01-10');
    assert.equal(res.status, 'committed');
    const rel = await read(
      `MATCH (p:Entity {caseId: $caseId, name: 'Karim Massimov'})-[r:LEADS]->(:Entity {caseId: $caseId}) RETURN count(r) AS n, collect(size(r.citationIds)) AS cites`,
      { caseId },
    );
    assert.equal(rel.records[0]!.get('n').toNumber(), 1);
    assert.deepEqual(rel.records[0]!.get('cites').map((x: { toNumber(): number }) => x.toNumber()), [2]);
  });

  it('re-ingesting the same text changes nothing and says so', async () => {
    const before = await snapshot();
    const doc = await proposals();
    assert.ok(doc.alreadyIngested, 'the proposals say the text is already there');
    assert.ok(doc.warnings.some((w) => /already in the case/.test(w)));
    const res = await commitReviewed(doc, acceptAll(doc), '2022-01-10');
    assert.equal(res.status, 'unchanged');
    const auto = await runIngest({ caseId, input: { kind: 'text', text: ARTICLE }, autoAccept: true }, { graph, extractor: new RulesExtractor() });
    assert.equal(auto.commit?.status, 'unchanged');
    assert.equal(await snapshot(), before);
  });

  it('is all or nothing: a failure after the first writes leaves the database as it was', async () => {
    const before = await snapshot();
    const doc = await proposals(ARTICLE.replace('Steppe Courier', 'Another Courier').replace('on Thursday', 'last Thursday').replace('Karim Massimov', 'Erlan Karin'));
    const kase = (await getCaseForIngest(caseId))!;
    // Review against a case that (the reviewer believed) had one more entity, since deleted:
    // the source and citations are written first, then the missing entity aborts the transaction.
    const ghost = { id: 'ent_00000000deadbeef', type: 'person' as const, name: 'Ghost Person', aliases: [] };
    const decisions = acceptAll(doc);
    const massimov = doc.entities.find((e) => e.action === 'create');
    assert.ok(massimov, 'a new entity is proposed');
    Object.assign(decisions.entities.find((d) => d.key === massimov.key)!, { decision: 'merge', mergeInto: ghost.id });
    const delta = applyReview(doc, decisions, { case: kase.case, entities: [...kase.entities, ghost], retrieved: '2022-01-10' });
    await assert.rejects(writeIngestDelta(delta), (e: unknown) => e instanceof InvariantError && /no longer in case/.test(e.message));
    assert.equal(await snapshot(), before);
    assert.equal(await findSourceByHash(caseId, doc.source.contentHash), null);
  });

  it('bad input is refused with a clear error and the database unchanged', async () => {
    const before = await snapshot();
    const bad: Array<[IngestInput, string]> = [
      [{ kind: 'text', text: '   ' }, 'empty'],
      [{ kind: 'bytes', bytes: new Uint8Array(20 * 1024 * 1024), fileName: 'big.txt' }, 'too_large'],
      [{ kind: 'bytes', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), fileName: 'photo.txt' }, 'binary'],
      [{ kind: 'bytes', bytes: new Uint8Array([0x61, 0x81, 0x62, 0x63]), fileName: 'latin.txt' }, 'encoding'],
      [{ kind: 'text', text: '<html><body><script>alert(1)</script><script>steal()</script></body></html>' }, 'no_text'],
      [{ kind: 'url', url: 'http://169.254.169.254/latest/meta-data' }, 'url_refused'],
    ];
    const { makeUrlFetcher } = await import('../../lib/ingest/server/fetch-url');
    for (const [input, code] of bad) {
      await assert.rejects(
        runIngest({ caseId, input, autoAccept: true }, { graph, extractor: new RulesExtractor(), fetcher: makeUrlFetcher() }),
        (e: unknown) => e instanceof IngestInputError && e.code === code,
        code,
      );
    }
    assert.equal(await snapshot(), before);
  });
});
