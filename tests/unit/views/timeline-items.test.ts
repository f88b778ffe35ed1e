import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventListItem } from '../../../lib/api/views';
import type { EventStatus } from '../../../lib/model/vocab';
import { EVENT_STATUSES } from '../../../lib/model/vocab';
import { compareTimelineItems, escapeHtml, sortEventsByDate, timelineItem, timelineItems } from '../../../lib/views/timeline-items';
import { sampleCaseView } from './sample-view';

function ev(over: Partial<EventListItem> = {}): EventListItem {
  return {
    id: 'evt_0000000000000001',
    title: 'Something happened',
    kind: 'incident',
    start: '2022-01-05',
    end: null,
    precision: 'day',
    endPrecision: null,
    approximate: false,
    endApproximate: false,
    timeZone: 'Asia/Almaty',
    status: 'reported',
    citationCount: 1,
    participantIds: [],
    sourceIds: [],
    ...over,
  };
}

const classes = (item: { className: string }) => item.className.split(' ');

describe('timelineItem: dates never look more precise than the evidence', () => {
  it('a month-precision event is an uncertain range over the whole month, labelled "Jan 2022"', () => {
    const item = timelineItem(ev({ start: '2022-01', precision: 'month' }));
    assert.equal(item.type, 'range');
    assert.equal(item.start, '2022-01-01T00:00:00');
    assert.equal(item.end, '2022-02-01T00:00:00');
    assert.ok(classes(item).includes('tw-uncertain'));
    assert.ok(classes(item).includes('tw-fuzzy-start') && classes(item).includes('tw-fuzzy-end'));
    assert.equal(item.label.date, 'Jan 2022');
    assert.doesNotMatch(item.label.date, /\d{1,2} Jan/, 'no day is invented');
  });

  it('a year-precision event spans the year', () => {
    const item = timelineItem(ev({ start: '2021', precision: 'year' }));
    assert.equal(item.type, 'range');
    assert.equal(item.start, '2021-01-01T00:00:00');
    assert.equal(item.end, '2022-01-01T00:00:00');
    assert.equal(item.label.date, '2021');
    assert.ok(classes(item).includes('tw-uncertain'));
  });

  it('an approximate day is an uncertain range, labelled with "c."', () => {
    const item = timelineItem(ev({ start: '2022-01-13', approximate: true }));
    assert.equal(item.type, 'range');
    assert.equal(item.start, '2022-01-13T00:00:00');
    assert.equal(item.end, '2022-01-14T00:00:00');
    assert.equal(item.label.date, 'c. 13 Jan 2022');
    assert.ok(classes(item).includes('tw-uncertain'));
  });

  it('a precise day without end is a point inside that day, not uncertain', () => {
    const item = timelineItem(ev({ start: '2022-01-05' }));
    assert.equal(item.type, 'point');
    assert.equal(item.start, '2022-01-05T12:00:00', 'the middle of the day, so it sits in the day whatever the zoom');
    assert.equal(item.end, undefined);
    assert.ok(!classes(item).includes('tw-uncertain'));
    assert.equal(item.label.date, '5 Jan 2022');
  });

  it('a minute-precision event is a point on its minute', () => {
    const item = timelineItem(ev({ start: '2022-01-12T19:50', precision: 'minute' }));
    assert.equal(item.type, 'point');
    assert.equal(item.start, '2022-01-12T19:50:00');
    assert.equal(item.label.date, '12 Jan 2022, 19:50');
  });

  it('wall-clock dates stay on the day the sources give, whatever the time zone', () => {
    // Almaty midnight is 18:00 UTC the day before; the axis must still say 5 January.
    const item = timelineItem(ev({ start: '2022-01-05', timeZone: 'Asia/Almaty' }));
    assert.ok(item.start.startsWith('2022-01-05'));
  });

  it('a precise range is a plain range over whole days', () => {
    const item = timelineItem(ev({ start: '2022-01-13', end: '2022-01-23', endPrecision: 'day' }));
    assert.equal(item.type, 'range');
    assert.equal(item.start, '2022-01-13T00:00:00');
    assert.equal(item.end, '2022-01-24T00:00:00', 'the end day is included');
    assert.ok(!classes(item).includes('tw-uncertain'));
    assert.equal(item.label.date, '13 Jan 2022 – 23 Jan 2022');
  });

  it('a range with an approximate end fades only at the end', () => {
    const item = timelineItem(ev({ start: '2022-01-13', end: '2022-01-23', endPrecision: 'day', endApproximate: true }));
    assert.ok(classes(item).includes('tw-uncertain'));
    assert.ok(classes(item).includes('tw-fuzzy-end'));
    assert.ok(!classes(item).includes('tw-fuzzy-start'));
    assert.equal(item.label.date, '13 Jan 2022 – c. 23 Jan 2022');
  });

  it('a month-precision start with a day end fades only at the start', () => {
    const item = timelineItem(ev({ start: '2022-01', precision: 'month', end: '2022-01-23', endPrecision: 'day' }));
    assert.equal(item.start, '2022-01-01T00:00:00');
    assert.equal(item.end, '2022-01-24T00:00:00');
    assert.ok(classes(item).includes('tw-fuzzy-start'));
    assert.ok(!classes(item).includes('tw-fuzzy-end'));
    assert.equal(item.label.date, 'Jan 2022 – 23 Jan 2022');
  });
});

describe('timelineItem: status is a class and, when doubtful, words', () => {
  it('every status gets its own class', () => {
    for (const status of EVENT_STATUSES) {
      const item = timelineItem(ev({ status }));
      assert.ok(classes(item).includes(`tw-status-${status}`), status);
      assert.equal(classes(item).filter((c) => c.startsWith('tw-status-')).length, 1);
    }
  });

  it('alleged gets the alleged class and a flag', () => {
    const item = timelineItem(ev({ status: 'alleged' }));
    assert.ok(classes(item).includes('tw-status-alleged'));
    assert.equal(item.label.statusLabel, 'Alleged');
    assert.notEqual(item.label.mark, '');
  });

  it('disputed and denied carry a warning mark; confirmed and reported do not', () => {
    const mark = (status: EventStatus) => timelineItem(ev({ status })).label.mark;
    assert.equal(mark('disputed'), '⚠');
    assert.equal(mark('denied'), '✕');
    assert.equal(mark('confirmed'), '');
    assert.equal(mark('reported'), '');
  });

  it('the tooltip names the status and the uncertainty, HTML-escaped', () => {
    const item = timelineItem(ev({ title: 'A <b>bold</b> & "quoted" claim', start: '2022-01', precision: 'month', status: 'alleged' }));
    assert.equal(item.title, 'A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; claim — Jan 2022 · Alleged · date uncertain');
    assert.equal(item.label.title, 'A <b>bold</b> & "quoted" claim', 'the label stays plain text; the canvas renders it as text');
  });
});

describe('timelineItems: linking', () => {
  const a = ev({ id: 'evt_a' });
  const b = ev({ id: 'evt_b' });

  it('without a focus nothing is highlighted or dimmed', () => {
    for (const item of timelineItems([a, b])) {
      assert.ok(!classes(item).some((c) => c === 'tw-highlighted' || c === 'tw-dimmed' || c === 'tw-selected'));
    }
  });

  it('with a focus, linked events are highlighted and the rest dimmed; the selected one is marked', () => {
    const [ia, ib] = timelineItems([a, b], {
      focus: { kind: 'event', id: 'evt_a' },
      selected: { kind: 'event', id: 'evt_a' },
      eventIds: new Set(['evt_a']),
    });
    assert.ok(classes(ia!).includes('tw-highlighted') && classes(ia!).includes('tw-selected'));
    assert.ok(classes(ib!).includes('tw-dimmed') && !classes(ib!).includes('tw-selected'));
  });

  it('is deterministic (the canvas diffs items by value)', () => {
    assert.deepEqual(timelineItems([a, b]), timelineItems([a, b]));
  });
});

describe('on the sample case', () => {
  const { view } = sampleCaseView();
  const items = timelineItems(view.events);
  const byTitle = (t: string) => items.find((i) => i.label.title === t)!;

  it('no month-precision event is drawn as a point', () => {
    for (const e of view.events.filter((x) => x.precision === 'month')) {
      const item = items.find((i) => i.id === e.id)!;
      assert.equal(item.type, 'range', e.title);
      assert.ok(classes(item).includes('tw-uncertain'), e.title);
    }
  });

  it('the headline claim is alleged and dated only to January 2022', () => {
    const item = byTitle('Headline claim: bacteriological substances stolen from Almaty laboratories');
    assert.ok(classes(item).includes('tw-status-alleged'));
    assert.equal(item.label.date, 'Jan 2022');
  });

  it('the withdrawal starts on 13 January and ends around the 23rd', () => {
    const item = byTitle('CSTO peacekeepers withdraw from Kazakhstan');
    assert.equal(item.label.date, '13 Jan 2022 – c. 23 Jan 2022');
    assert.ok(classes(item).includes('tw-fuzzy-end') && !classes(item).includes('tw-fuzzy-start'));
  });
});

describe('sortEventsByDate', () => {
  it('orders by earliest possible instant, then by end, then by title', () => {
    const month = ev({ id: 'm', title: 'Month', start: '2022-01', precision: 'month' });
    const day5 = ev({ id: 'd5', title: 'Day 5', start: '2022-01-05' });
    const day1 = ev({ id: 'd1', title: 'Day 1', start: '2022-01-01' });
    const year = ev({ id: 'y', title: 'Year', start: '2022', precision: 'year' });
    assert.deepEqual(sortEventsByDate([day5, month, year, day1]).map((e) => e.id), ['d1', 'm', 'y', 'd5']);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('compareTimelineItems', () => {
  it('stacks precisely dated items above uncertain ones, the narrowest uncertainty first', () => {
    const items = timelineItems([
      ev({ id: 'month', start: '2022-01', precision: 'month' }),
      ev({ id: 'day12', start: '2022-01-12' }),
      ev({ id: 'approx', start: '2022-01-20', approximate: true }),
      ev({ id: 'year', start: '2022', precision: 'year' }),
      ev({ id: 'day5', start: '2022-01-05' }),
      ev({ id: 'month2', start: '2021-12', precision: 'month' }),
    ]);
    assert.deepEqual([...items].sort(compareTimelineItems).map((i) => i.id), ['day5', 'day12', 'approx', 'month2', 'month', 'year']);
  });
});
