import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InterchangeError } from '../../../lib/interchange/errors';
import { parseTimelineJs, timelineJsDate, toTimelineJs } from '../../../lib/interchange/timelinejs';
import { htmlToText } from '../../../lib/interchange/timeline-draft';
import { checkBundleIntegrity } from '../../../lib/model/bundle';
import { sampleBundle } from './sample';

const doc = (events: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ events, ...extra });
const slide = (start: Record<string, unknown>, headline = 'Something happened', text = '<p>It was reported.</p>', more: Record<string, unknown> = {}) => ({
  start_date: start,
  text: { headline, text },
  ...more,
});

describe('TimelineJS export', () => {
  it('gives each date exactly the fields its precision has', () => {
    assert.deepEqual(timelineJsDate('2022'), { year: 2022 });
    assert.deepEqual(timelineJsDate('2022-01'), { year: 2022, month: 1 });
    assert.deepEqual(timelineJsDate('2022-01-13'), { year: 2022, month: 1, day: 13 });
    assert.deepEqual(timelineJsDate('2022-01-13T19:50'), { year: 2022, month: 1, day: 13, hour: 19, minute: 50 });
  });

  it('turns every event into a slide with its id, dates, display date, group and credit', () => {
    const b = sampleBundle();
    const t = toTimelineJs(b);
    assert.equal(t.events.length, b.events.length);
    for (const e of b.events) {
      const s = t.events.find((x) => x.unique_id === e.id)!;
      assert.deepEqual(s.start_date, timelineJsDate(e.start));
      assert.deepEqual(s.end_date, e.end ? timelineJsDate(e.end) : undefined);
      assert.equal(s.group, e.status);
      assert.ok(s.media?.credit?.includes('Press TV'), 'credits the source');
      if (e.approximate) assert.match(s.display_date!, /^c\. /);
    }
    assert.equal(toTimelineJs(b, { groupBy: 'kind' }).events[0]!.group, b.events.find((e) => e.id === t.events[0]!.unique_id)!.kind);
    assert.equal(t.title?.text?.headline, b.case.title);
  });
});

describe('TimelineJS import', () => {
  it('keeps the precision the fields have, strings or numbers', () => {
    const { bundle } = parseTimelineJs(
      doc([
        slide({ year: '2021' }, 'A year'),
        slide({ year: 2021, month: '3' }, 'A month'),
        slide({ year: 2021, month: 3, day: 9 }, 'A day', 'x', { end_date: { year: 2021, month: 4 } }),
        slide({ year: 2021, month: 3, day: 9, hour: 7, minute: 5 }, 'A minute'),
      ]),
      { caseId: 'tjs-unit' },
    );
    assert.deepEqual(
      bundle.events.map((e) => [e.title, e.start, e.precision, e.end]),
      [
        ['A year', '2021', 'year', null],
        ['A month', '2021-03', 'month', null],
        ['A day', '2021-03-09', 'day', '2021-04'],
        ['A minute', '2021-03-09T07:05', 'minute', null],
      ],
    );
    assert.deepEqual(checkBundleIntegrity(bundle), []);
  });

  it('cites every event in a source made of the file, quoting its slide with the media credit', () => {
    const { bundle } = parseTimelineJs(
      doc([slide({ year: 2022, month: 1, day: 6 }, 'Troops land &amp; deploy', '<p>Planes landed.<br>More came.</p>', { media: { url: 'https://x.test/p.jpg', credit: 'AP Photo', caption: 'Landing' } })], {
        title: { text: { headline: 'My timeline', text: 'About it' } },
      }),
      { caseId: 'tjs-unit', publisher: 'The Daily' },
    );
    const [src] = bundle.sources;
    const [ci] = bundle.citations;
    assert.equal(bundle.case.title, 'My timeline');
    assert.equal(src!.publisher, 'The Daily');
    assert.equal(src!.text.slice(ci!.start, ci!.end), ci!.quote);
    assert.equal(ci!.quote, 'Troops land & deploy\nPlanes landed.\nMore came.\nMedia caption: Landing\nMedia credit: AP Photo');
    assert.equal(ci!.assertedBy.name, 'The Daily');
    assert.equal(bundle.events[0]!.title, 'Troops land & deploy');
    assert.deepEqual(bundle.events[0]!.citationIds, [ci!.id]);
  });

  it('never imports "confirmed", keeps other statuses the file names with a reason, and reads hedges', () => {
    const { bundle, report } = parseTimelineJs(
      doc([
        slide({ year: 2022 }, 'Said confirmed', 'The ministry announced it.', { group: 'confirmed' }),
        slide({ year: 2022 }, 'Lab incident', 'The ministry announced it.', { group: 'Alleged' }),
        slide({ year: 2022 }, 'Hedged', 'Troops were reportedly seen.'),
        slide({ year: 2022 }, 'Plain', 'The ministry announced it.', { group: 'statement' }),
      ]),
      { caseId: 'tjs-unit' },
    );
    const by = Object.fromEntries(bundle.events.map((e) => [e.title, e]));
    assert.equal(by['Said confirmed']!.status, 'reported');
    assert.match(report.notes.join('\n'), /confirmed.*imported as "reported"/);
    assert.equal(by['Lab incident']!.status, 'alleged');
    assert.match(by['Lab incident']!.statusReason!, /imported TimelineJS file/);
    assert.equal(by['Hedged']!.status, 'alleged');
    assert.equal(by['Plain']!.status, 'reported');
    assert.equal(by['Plain']!.kind, 'statement');
    assert.ok(bundle.events.every((e) => e.status !== 'confirmed'));
  });

  it('imports eras as period events', () => {
    const { bundle, report } = parseTimelineJs(
      doc([slide({ year: 2022, month: 1 }, 'One')], { eras: [{ start_date: { year: 2022, month: 1, day: 5 }, end_date: { year: 2022, month: 1, day: 19 }, text: { headline: 'State of emergency' } }] }),
      { caseId: 'tjs-unit' },
    );
    assert.equal(report.eras, 1);
    const era = bundle.events.find((e) => e.title === 'State of emergency')!;
    assert.deepEqual([era.kind, era.start, era.end], ['other', '2022-01-05', '2022-01-19']);
  });

  it('imports negative (BCE) years as TimelineJS means them, and exports them back', () => {
    const { bundle } = parseTimelineJs(
      doc([slide({ year: '-43', month: '3', day: '15' }, 'Ides of March'), slide({ year: -500 }, 'Battle'), slide({ year: 44 }, 'Year 44')]),
      { caseId: 'tjs-unit' },
    );
    const byTitle = new Map(bundle.events.map((e) => [e.title, e]));
    assert.deepEqual([byTitle.get('Ides of March')?.start, byTitle.get('Ides of March')?.precision], ['-0043-03-15', 'day']);
    assert.equal(byTitle.get('Battle')?.start, '-0500');
    assert.equal(byTitle.get('Year 44')?.start, '0044');
    const out = toTimelineJs(bundle);
    assert.deepEqual(out.events.map((s) => [s.text?.headline, s.start_date]), [
      ['Battle', { year: -500 }],
      ['Ides of March', { year: -43, month: 3, day: 15 }],
      ['Year 44', { year: 44 }],
    ]);
  });

  it('refuses a year out of range with a reason, and every other problem with where it is', () => {
    assert.throws(
      () => parseTimelineJs(doc([slide({ year: '-13800000000' }, 'Big Bang')]), { caseId: 'tjs-unit' }),
      (e: unknown) => e instanceof InterchangeError && e.problems.some((p) => p.path === 'events[0].start_date.year' && /-9999 to 9999/.test(p.message)),
    );
    assert.throws(
      () => parseTimelineJs(doc([slide({ year: 2022, month: 13 }), slide({ year: 'soon' }), { text: { headline: 'No date' } }, slide({ year: 2022 }, '', '')]), { caseId: 'tjs-unit' }),
      (e: unknown) => {
        assert.ok(e instanceof InterchangeError);
        const paths = e.problems.map((p) => p.path);
        assert.ok(paths.includes('events[1].start_date.year'), paths.join());
        assert.ok(paths.includes('events[2].start_date'), paths.join());
        return true;
      },
    );
    assert.throws(() => parseTimelineJs(doc([slide({ year: 2022, month: 2, day: 30 })]), { caseId: 'tjs-unit' }), /not a date/);
    assert.throws(() => parseTimelineJs(doc([slide({ year: 2022 }, '', '')]), { caseId: 'tjs-unit' }), /no words to cite/);
    assert.throws(() => parseTimelineJs('{"slides": []}', { caseId: 'tjs-unit' }), /not a TimelineJS JSON document/);
    assert.throws(() => parseTimelineJs(doc([slide({ year: 2022, month: 3 }, 'x', 'y', { end_date: { year: 2022, month: 1 } })]), { caseId: 'tjs-unit' }), /events\[0\]\.end: end is before start/);
  });

  it('round-trips an export: same events, same dates, same statuses but confirmed', () => {
    const b = sampleBundle();
    const { bundle } = parseTimelineJs(JSON.stringify(toTimelineJs(b)), { caseId: 'tjs-round' });
    const key = (e: { title: string; start: string; end: string | null; precision: string }) => `${e.title}|${e.start}|${e.end}|${e.precision}`;
    assert.deepEqual(bundle.events.map(key).sort(), b.events.map(key).sort());
    for (const e of bundle.events) {
      const orig = b.events.find((o) => o.title === e.title)!;
      assert.equal(e.status, orig.status === 'confirmed' ? 'reported' : orig.status);
      assert.equal(e.description, orig.description);
    }
    assert.deepEqual(toTimelineJs(bundle).events.map((s) => [s.start_date, s.end_date, s.text?.headline]).sort((a, z) => JSON.stringify(a).localeCompare(JSON.stringify(z))),
      toTimelineJs(b).events.map((s) => [s.start_date, s.end_date, s.text?.headline]).sort((a, z) => JSON.stringify(a).localeCompare(JSON.stringify(z))));
  });

  it('reduces HTML to text', () => {
    assert.equal(htmlToText('<p>a &lt;b&gt; &amp; c</p><p>d<br/>e &#233; &#x41;</p>'), 'a <b> & c\n\nd\ne é A');
  });
});
