import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { deleteCase, importCaseBundle } from '../../graph/import.repo';
import { migrate } from '../../graph/migrations';
import { searchCase, searchParams, type SearchWay } from '../../graph/search.repo';
import { read } from '../../graph/driver';
import { SEARCH } from '../../graph/queries/read.queries';
import { luceneQuery } from '../../lib/search/lucene';
import { isolatedSampleCase } from './harness';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../scripts/lib/case-folder';

const { caseId, bundle } = isolatedSampleCase('search');
const entityId = (name: string) => bundle.entities.find((e) => e.name === name)!.id;

async function hits(q: string) {
  const res = await searchCase(caseId, q);
  assert.ok(res, 'the case exists');
  return res.hits;
}

describe('full-text search (real Neo4j index)', () => {
  before(async () => {
    await migrate();
    await importCaseBundle(bundle);
  });

  it('finds the CSTO under its English, French and Russian names, as the top entity', async () => {
    const csto = entityId('Collective Security Treaty Organization');
    for (const q of ['CSTO', 'OTSC', 'ОДКБ']) {
      const entity = (await hits(q)).find((h) => h.kind === 'entity');
      assert.equal(entity?.id, csto, `${q} → ${entity?.label}`);
      assert.deepEqual(entity.target, { kind: 'entity', id: csto });
    }
  });

  it('ignores accents and case: "tokaiev", "TOKAÏEV" and "Токаев" all find Tokayev', async () => {
    const tokayev = entityId('Kassym-Jomart Tokayev');
    for (const q of ['tokaiev', 'TOKAÏEV', 'Токаев', 'токаев']) {
      assert.ok((await hits(q)).some((h) => h.kind === 'entity' && h.id === tokayev), q);
    }
  });

  it('matches a word being typed by its prefix', async () => {
    assert.ok((await hits('toka')).some((h) => h.id === entityId('Kassym-Jomart Tokayev')));
  });

  it('searches event titles and quotes; a quote jumps to what it supports', async () => {
    const meeting = bundle.events.find((e) => e.title.startsWith('Tokayev meets'))!;
    assert.ok((await hits('secretary general')).some((h) => h.kind === 'event' && h.id === meeting.id));
    const quote = (await hits('bactériologiques')).find((h) => h.kind === 'citation');
    assert.ok(quote, 'a quote matches');
    assert.ok(quote.target, 'the quote supports something selectable');
    assert.match(quote.snippet ?? '', /bactériologiques/i);
  });

  it('kind entity: names and aliases only, so a name that event titles and quotes also carry finds its entities alone', async () => {
    const tokayev = entityId('Kassym-Jomart Tokayev');
    const all = (await searchCase(caseId, 'Tokayev', 50))!.hits;
    assert.ok(all.some((h) => h.kind !== 'entity'), 'the plain search also finds events or quotes naming him');
    const entities = (await searchCase(caseId, 'Tokayev', 50, 'entity'))!.hits;
    assert.ok(entities.length > 0);
    assert.ok(entities.every((h) => h.kind === 'entity'), entities.map((h) => h.kind).join(','));
    assert.equal(entities[0]!.id, tokayev);
    // Aliases count: his Russian name finds him too.
    assert.ok((await searchCase(caseId, 'Токаев', 50, 'entity'))!.hits.some((h) => h.id === tokayev));
  });

  it('only answers from the asked case', async () => {
    for (const h of await hits('Almaty')) {
      const known = [...bundle.entities, ...bundle.events, ...bundle.citations].some((x) => x.id === h.id);
      assert.ok(known, `${h.id} belongs to another case`);
    }
  });

  it('treats query syntax as plain text (injection attempts are inert)', async () => {
    const attempts = ['*', '*:*', 'name:*', 'csto OR *', ') OR (*', '"unterminated', 'csto~', 'title:[a TO z]', '\\', 'a AND', 'NOT csto', '/regex.*/', '&& || !', 'csto^100'];
    for (const q of attempts) {
      const res = await hits(q); // must not throw a Lucene parse error
      assert.ok(res.length <= 20, q);
    }
    // A wildcard is a character to escape, never "everything".
    assert.deepEqual(await hits('*'), []);
    assert.deepEqual(await hits('*:*'), []);
    // Fuzzy and boost markers are characters too: the CSTO is still found by its name.
    const csto = entityId('Collective Security Treaty Organization');
    assert.ok((await hits('csto~')).some((h) => h.id === csto));
    assert.ok((await hits('csto^100')).some((h) => h.id === csto));
  });

  it('reads the case from the index, never a user word: the case id’s own words find nothing', async () => {
    // The id's random part is in the index (every record's caseId) but in no text.
    const token = caseId.split('-').at(-1)!;
    assert.deepEqual(await hits(token), []);
    assert.deepEqual(await hits(token.slice(0, 4)), [], 'nor as a prefix');
  });

  it('keeps exactly its case when another case’s id extends its own (the index phrase matches both)', async () => {
    const extendedId = `${caseId}-copy`;
    const before = (await hits('Almaty')).map((h) => h.id);
    await importCaseBundle(readCaseFolder(SAMPLE_CASE_DIR, extendedId));
    try {
      // The same hits (their order may move: the other case's copies change Lucene's term statistics).
      const after = await hits('Almaty');
      assert.deepEqual(after.map((h) => h.id).sort(), [...before].sort());
      const other = await searchCase(extendedId, 'Almaty');
      assert.ok(other && other.hits.length === before.length);
      assert.ok(other.hits.every((h) => !before.includes(h.id)), 'its own records, not the shorter id\'s');
    } finally {
      await deleteCase(extendedId);
    }
  });

  it('keeps its page full when records of a case whose id extends its own outrank its own', async () => {
    // Two cases of their own: "quiet" has five events with a made-up word once in a long title;
    // "quiet-louder" (its id extends quiet's, so the index phrase matches both) has five titled
    // with the word alone, three times. Same field, same term: more occurrences in a shorter title
    // score higher whatever else the index holds (BM25), so Lucene's best three are all the louder
    // case's, and the search must read on, filtered, for quiet's own three.
    const word = 'quokkaville';
    const quietId = `${caseId}-quiet`;
    const louderId = `${quietId}-louder`;
    const withWord = (id: string, title: (t: string) => string) => {
      const b = readCaseFolder(SAMPLE_CASE_DIR, id);
      return { ...b, events: b.events.map((e, i) => (i < 5 ? { ...e, title: title(e.title) } : e)) };
    };
    const quiet = withWord(quietId, (t) => `${t}, as reported in ${word} by several outlets that week`);
    await importCaseBundle(quiet);
    await importCaseBundle(withWord(louderId, () => `${word} ${word} ${word}`));
    try {
      const lucene = luceneQuery(word, quietId)!;
      const best = await read(SEARCH, searchParams(quietId, lucene, 3, 'top'));
      assert.deepEqual(best.records.map((r) => r.get('inCase')), [false, false, false], 'Lucene\'s best three are the other case\'s');
      const page = (await searchCase(quietId, word, 3))!.hits.map((h) => h.id);
      assert.equal(page.length, 3);
      const own = new Set(quiet.events.slice(0, 5).map((e) => e.id));
      assert.ok(page.every((id) => own.has(id)), 'all of the quiet case');
    } finally {
      await deleteCase(louderId);
      await deleteCase(quietId);
    }
  });

  for (const way of ['top', 'filtered'] as const satisfies readonly SearchWay[]) {
    it(`reads the matches best first and stops at the page, instead of reading and sorting them all (${way})`, async () => {
      const lucene = luceneQuery('kazakhstan', caseId)!;
      const all = await read(`CALL db.index.fulltext.queryNodes('search_case_text', $lucene) YIELD node WHERE node.caseId = $caseId RETURN count(*) AS n`, { lucene, caseId });
      const matches = Number(all.records[0]!.get('n'));
      const limit = 2;
      assert.ok(matches > 3 * limit, `a common word of the case: ${matches} matches`);
      const res = await read(`PROFILE ${SEARCH}`, searchParams(caseId, lucene, limit, way));
      assert.equal(res.records.length, limit);
      type Plan = { operatorType: string; rows: number; children: Plan[] };
      const ops: Plan[] = [];
      const walk = (p: Plan) => { ops.push(p); p.children.forEach(walk); };
      walk(res.summary.profile as unknown as Plan);
      assert.ok(ops.some((o) => o.operatorType.startsWith('ProcedureCall')), ops.map((o) => o.operatorType).join(', '));
      // The procedure reports no rows of its own; what it yielded is what the operators above it saw.
      const most = Math.max(...ops.map((o) => o.rows));
      assert.ok(most <= limit + 1, `an operator handled ${most} of the ${matches} matches for a page of ${limit}: ${ops.map((o) => `${o.operatorType} ${o.rows}`).join(', ')}`);
      // Best first: scores never rise down the page.
      const scores = res.records.map((r) => Number(r.get('score')));
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    });
  }

  it('gives the same page both ways when only its own case matches', async () => {
    const lucene = luceneQuery('kazakhstan', caseId)!;
    const ids = async (way: SearchWay) => (await read(SEARCH, searchParams(caseId, lucene, 5, way))).records.map((r) => r.get('id') as string);
    assert.deepEqual(await ids('top'), await ids('filtered'));
  });

  it('answers null for an unknown case', async () => {
    assert.equal(await searchCase('no-such-case', 'csto'), null);
  });
});
