import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { getCaseGraph, getCaseView, listCases, listEvents } from '../../graph/cases.repo';
import { getEntityDetail, getEventDetail, getSourceDetail } from '../../graph/details.repo';
import { importCaseBundle } from '../../graph/import.repo';
import { migrate } from '../../graph/migrations';
import { read } from '../../graph/driver';
import { isolatedSampleCase } from './harness';
import { luceneQuery } from '../../lib/search/lucene';

const { caseId, bundle } = isolatedSampleCase('read');
const eventId = (fragment: string) => bundle.events.find((e) => e.title.includes(fragment))!.id;
const entityId = (name: string) => bundle.entities.find((e) => e.name === name)!.id;

describe('read repositories (real Neo4j)', () => {
  before(async () => {
    await migrate();
    await importCaseBundle(bundle);
  });

  it('lists the case with its counts', async () => {
    const c = (await listCases()).find((x) => x.id === caseId);
    assert.ok(c);
    assert.equal(c.eventCount, bundle.events.length);
    assert.equal(c.entityCount, bundle.entities.length);
    assert.equal(c.sourceCount, 1);
  });

  it('lists events in time order with their public fields', async () => {
    const events = (await listEvents(caseId))!;
    assert.equal(events.length, bundle.events.length);
    const withdrawal = events.find((e) => e.id === eventId('withdraw'))!;
    assert.deepEqual(
      { start: withdrawal.start, end: withdrawal.end, precision: withdrawal.precision, status: withdrawal.status },
      { start: '2022-01-13', end: '2022-01-23', precision: 'day', status: 'reported' },
    );
    const starts = events.map((e) => e.start);
    assert.equal(starts.indexOf('2022-01-05') < starts.indexOf('2022-01-13'), true);
  });

  it('filters events by window, counting a month-precision event in any window that touches its month', async () => {
    const window = (await listEvents(caseId, { from: '2022-01-12T00:00:00.000Z', to: '2022-01-13T00:00:00.000Z' }))!;
    const titles = window.map((e) => e.title);
    assert.ok(titles.some((t) => t.startsWith('Tokayev meets')));
    assert.ok(!titles.some((t) => t.includes('administration building stormed')), 'the 5 January storming is outside');
    assert.ok(titles.some((t) => t.includes('contingent deployed')), 'a January-only event overlaps any January window');
    const february = (await listEvents(caseId, { from: '2022-02-01T00:00:00.000Z', to: '2022-03-01T00:00:00.000Z' }))!;
    assert.deepEqual(february, []);
  });

  it('answers null for an unknown case', async () => {
    assert.equal(await listEvents('no-such-case'), null);
    assert.equal(await getCaseGraph('no-such-case'), null);
    assert.equal(await getCaseView('no-such-case'), null);
  });

  it('returns the graph; with a window, only relationships valid in it (graph as of the window)', async () => {
    const all = (await getCaseGraph(caseId))!;
    assert.equal(all.nodes.length, bundle.entities.length);
    assert.equal(all.edges.length, bundle.relations.length);
    assert.equal(all.participations.length, bundle.participations.length);
    const troops = (g: typeof all) => g.edges.filter((e) => e.type === 'CONTRIBUTES_TROOPS_TO').length;
    assert.equal(troops(all), 5);
    const during = (await getCaseGraph(caseId, { from: '2022-01-10T00:00:00.000Z', to: '2022-01-11T00:00:00.000Z' }))!;
    assert.equal(troops(during), 5);
    const later = (await getCaseGraph(caseId, { from: '2022-03-01T00:00:00.000Z', to: '2022-04-01T00:00:00.000Z' }))!;
    assert.equal(troops(later), 0, 'troop contributions end with the withdrawal');
    assert.ok(later.edges.some((e) => e.type === 'LOCATED_IN'), 'timeless relationships stay');
    assert.deepEqual(later.participations, []);
    assert.ok(!later.nodes.some((n) => n.name === 'Russia'), 'entities with nothing in the window drop out');
  });

  it('details an event with its quotes, translations, source, asserters and participants', async () => {
    const e = (await getEventDetail(eventId('Zas tells Interfax')))!;
    assert.equal(e.status, 'reported');
    const c = e.citations[0]!;
    assert.match(c.quote, /sont maintenant terminées au Kazakhstan/);
    assert.match(c.translation!, /now over in Kazakhstan/);
    assert.equal(c.assertedBy.name, 'Stanislav Zas');
    assert.deepEqual(c.via.map((v) => v.name), ['Interfax']);
    assert.equal(c.source.publisher, 'Press TV (French service)');
    assert.deepEqual(e.participants.map((p) => p.entity.name).sort(), ['Collective Security Treaty Organization', 'Interfax', 'Stanislav Zas']);
    for (const p of e.participants) assert.ok(p.citations.length > 0);
  });

  it('details an alleged event with its hedges kept', async () => {
    const e = (await getEventDetail(eventId('refused the laboratory')))!;
    assert.equal(e.status, 'alleged');
    assert.equal(e.citations[0]!.assertedBy.kind, 'unnamed');
    assert.ok(e.citations[0]!.hedges.includes('on-dit'));
  });

  it('details an entity with its events and relationships, each cited', async () => {
    const csto = (await getEntityDetail(entityId('Collective Security Treaty Organization')))!;
    assert.ok(csto.aliases.some((a) => a.name === 'ОДКБ' && a.lang === 'ru'));
    assert.ok(csto.events.length >= 2);
    assert.ok(csto.relations.some((r) => r.type === 'LEADS' && r.from.name === 'Stanislav Zas'));
    for (const r of csto.relations) assert.ok(r.citations.length > 0);
  });

  it('returns a source with its full text and anchored citations', async () => {
    const s = (await getSourceDetail(bundle.sources[0]!.id))!;
    assert.equal(s.text, bundle.sources[0]!.text);
    assert.equal(s.citations.length, bundle.citations.length);
    assert.equal(s.furniture.length, bundle.sources[0]!.furniture.length);
  });

  it('answers null for unknown ids', async () => {
    assert.equal(await getEventDetail('evt_0000000000000000'), null);
    assert.equal(await getEntityDetail('ent_0000000000000000'), null);
    assert.equal(await getSourceDetail('src_0000000000000000'), null);
  });

  it('finds entities through the full-text index in any script, accents ignored', async () => {
    const q = (text: string) =>
      read(
        `CALL db.index.fulltext.queryNodes('search_case_text', $q) YIELD node
         WHERE node.caseId = $caseId AND node:Entity RETURN node.name AS name`,
        { q: luceneQuery(text, caseId), caseId },
      ).then((r) => r.records.map((x) => x.get('name') as string));
    for (const term of ['OTSC', 'ОДКБ', 'CSTO']) assert.ok((await q(term)).includes('Collective Security Treaty Organization'), term);
    assert.ok((await q('tokaiev')).includes('Kassym-Jomart Tokayev'));
    assert.ok((await q('Токаев')).includes('Kassym-Jomart Tokayev'));
  });
});
