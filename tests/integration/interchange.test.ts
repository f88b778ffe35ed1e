import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ConflictError } from '../../graph/errors';
import { caseExists, deleteCase, getCaseCounts, importCaseBundle } from '../../graph/import.repo';
import { getCaseBundle, importCase } from '../../graph/interchange.repo';
import { migrate } from '../../graph/migrations';
import { exportCase, parseImport } from '../../lib/interchange';
import { bundleToJson, canonicalBundle, rekeyBundle } from '../../lib/interchange/bundle';
import { InterchangeError } from '../../lib/interchange/errors';
import { toTimelineJs } from '../../lib/interchange/timelinejs';
import { isolatedSampleCase } from './harness';

const { caseId, bundle } = isolatedSampleCase('interchange');
const suffix = randomBytes(3).toString('hex');
const copyId = `it-interchange-copy-${suffix}`;
const tjsId = `it-interchange-tjs-${suffix}`;
const csvId = `it-interchange-csv-${suffix}`;
const badId = `it-interchange-bad-${suffix}`;

/** A TimelineJS file as a newsroom might have it: strings for numbers, every precision, a BCE date, an era, credits. */
const TIMELINE = {
  title: { text: { headline: 'Imported newsroom timeline', text: '<p>Built in TimelineJS.</p>' } },
  events: [
    { start_date: { year: '1991' }, text: { headline: 'Independence', text: 'The republic declares independence.' }, group: 'statement' },
    { start_date: { year: '2022', month: '1' }, end_date: { year: '2022', month: '1', day: '23' }, text: { headline: 'Deployment', text: '<p>Troops deployed.</p>' }, media: { url: 'https://img.example/a.jpg', credit: 'AP Photo', caption: 'Troops' } },
    { start_date: { year: 2022, month: 1, day: 13 }, text: { headline: 'Withdrawal begins', text: 'Troops reportedly began leaving.' }, group: 'alleged' },
    { start_date: { year: 2022, month: 1, day: 13, hour: 19, minute: 50 }, text: { headline: 'Evening statement', text: 'The president spoke.' }, group: 'confirmed' },
    // TimelineJS years are JavaScript's: -43 is 44 BCE.
    { start_date: { year: '-43', month: '3', day: '15' }, text: { headline: 'Ides of March', text: 'Caesar is killed in the Senate.' } },
  ],
  eras: [{ start_date: { year: 2022, month: 1, day: 5 }, end_date: { year: 2022, month: 1, day: 19 }, text: { headline: 'State of emergency' } }],
};

describe('interchange against Neo4j', () => {
  before(async () => {
    await migrate();
    await importCaseBundle(bundle);
  });
  after(async () => {
    for (const id of [copyId, tjsId, csvId, badId]) await deleteCase(id);
  });

  it('reads back exactly the bundle that was imported (the backup format)', async () => {
    assert.deepEqual(await getCaseBundle(caseId), canonicalBundle(bundle));
    assert.equal(await getCaseBundle('no-such-case-here'), null);
  });

  it('bundle export → import under a new case id → the same graph, every id re-derived', async () => {
    const exported = await getCaseBundle(caseId);
    const file = exportCase(exported!, { format: 'bundle' }, { baseUrl: 'http://x.test' });
    const { bundle: copy } = parseImport('bundle', file.body, { caseId: copyId });
    const result = await importCase(copy);
    assert.equal(result.replaced, false);
    assert.deepEqual(result.counts, await getCaseCounts(caseId));
    const stored = await getCaseBundle(copyId);
    assert.deepEqual(stored, canonicalBundle(rekeyBundle(bundle, copyId)));
    // The original is untouched.
    assert.deepEqual(await getCaseBundle(caseId), canonicalBundle(bundle));
  });

  it('an existing case is a conflict unless replace is asked for; a replace changes nothing when the same', async () => {
    const before = await getCaseCounts(copyId);
    const { bundle: again } = parseImport('bundle', bundleToJson((await getCaseBundle(copyId))!));
    await assert.rejects(importCase(again), ConflictError);
    const replaced = await importCase(again, { replace: true });
    assert.equal(replaced.replaced, true);
    assert.deepEqual(replaced.counts, before);
  });

  it('TimelineJS import → export keeps every event, its dates at their precision, eras and credits', async () => {
    const { bundle: imported, report } = parseImport('timelinejs', JSON.stringify(TIMELINE), { caseId: tjsId, publisher: 'The Newsroom' });
    assert.deepEqual([report.events, report.eras], [5, 1]);
    const { counts } = await importCase(imported);
    assert.deepEqual([counts.events, counts.sources, counts.citations, counts.eventSupports], [6, 1, 6, 6]);
    const stored = (await getCaseBundle(tjsId))!;
    assert.ok(stored.events.every((e) => e.status !== 'confirmed' && e.citationIds.length === 1));
    const out = toTimelineJs(stored);
    const byHeadline = new Map(out.events.map((s) => [s.text!.headline, s]));
    assert.deepEqual(byHeadline.get('Independence')!.start_date, { year: 1991 });
    assert.deepEqual(byHeadline.get('Deployment')!.start_date, { year: 2022, month: 1 });
    assert.deepEqual(byHeadline.get('Deployment')!.end_date, { year: 2022, month: 1, day: 23 });
    assert.deepEqual(byHeadline.get('Withdrawal begins')!.start_date, { year: 2022, month: 1, day: 13 });
    assert.deepEqual(byHeadline.get('Evening statement')!.start_date, { year: 2022, month: 1, day: 13, hour: 19, minute: 50 });
    assert.deepEqual(byHeadline.get('State of emergency')!.end_date, { year: 2022, month: 1, day: 19 });
    assert.deepEqual(byHeadline.get('Ides of March')!.start_date, { year: -43, month: 3, day: 15 });
    assert.equal(out.events[0]!.text!.headline, 'Ides of March', 'before the common era comes first');
    assert.equal(byHeadline.get('Withdrawal begins')!.group, 'alleged');
    assert.equal(byHeadline.get('Evening statement')!.group, 'reported', 'confirmed is never imported');
    assert.equal(byHeadline.get('Deployment')!.media?.credit, 'The Newsroom');
    const deployment = stored.citations.find((c) => c.quote.startsWith('Deployment'))!;
    assert.match(deployment.quote, /Media credit: AP Photo/);
    assert.equal(stored.sources[0]!.text.slice(deployment.start, deployment.end), deployment.quote);
  });

  it('CSV (TimelineJS template) export → import keeps the events', async () => {
    const csv = exportCase((await getCaseBundle(caseId))!, { format: 'csv' }, { baseUrl: 'http://x.test' }).body;
    const { bundle: imported } = parseImport('csv', csv, { caseId: csvId });
    const { counts } = await importCase(imported);
    assert.equal(counts.events, bundle.events.length);
    const stored = (await getCaseBundle(csvId))!;
    const key = (e: { title: string; start: string; end: string | null }) => `${e.title}|${e.start}|${e.end}`;
    assert.deepEqual(stored.events.map(key).sort(), bundle.events.map(key).sort());
  });

  it('a bad file gives every problem and writes nothing', async () => {
    const bad = structuredClone(TIMELINE);
    bad.events[0]!.start_date = { year: '-13800000000' };
    assert.throws(() => parseImport('timelinejs', JSON.stringify(bad), { caseId: badId }), (e: unknown) => e instanceof InterchangeError && /-9999 to 9999/.test(e.message));
    // A bundle the parser would refuse, sent straight to the graph layer: refused in the transaction.
    const broken = structuredClone(rekeyBundle(bundle, badId));
    broken.events[0]!.citationIds = ['cit_0000000000000000'];
    await assert.rejects(importCaseBundle(broken));
    assert.equal(await caseExists(badId), false);
    assert.equal(await getCaseBundle(badId), null);
  });
});
