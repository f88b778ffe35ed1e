import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  comparePartialDates,
  formatPartialDate,
  formatRange,
  intervalOf,
  parsePartialDate,
  precisionOf,
  spanOf,
} from '../../../lib/model/partial-date';

describe('partial dates', () => {
  it('reads each precision from the shape of the value', () => {
    assert.equal(precisionOf('2022'), 'year');
    assert.equal(precisionOf('2022-01'), 'month');
    assert.equal(precisionOf('2022-01-12'), 'day');
    assert.equal(precisionOf('2022-01-12T19:50'), 'minute');
  });

  it('refuses impossible or malformed dates', () => {
    for (const bad of ['2022-13', '2022-02-30', '2022-1-5', '12 janvier', '2022-01-12T24:00', '']) {
      assert.equal(parsePartialDate(bad), null, bad);
    }
    assert.notEqual(parsePartialDate('2024-02-29'), null);
  });

  it('gives a month-precision date the whole month, not its first day', () => {
    assert.deepEqual(intervalOf('2022-01'), { earliest: '2022-01-01T00:00:00.000Z', until: '2022-02-01T00:00:00.000Z' });
  });

  it('places a day in its time zone (Almaty was UTC+6 in 2022)', () => {
    assert.deepEqual(intervalOf('2022-01-05', 'Asia/Almaty'), {
      earliest: '2022-01-04T18:00:00.000Z',
      until: '2022-01-05T18:00:00.000Z',
    });
    assert.deepEqual(intervalOf('2022-01-12T19:50', 'Asia/Almaty'), {
      earliest: '2022-01-12T13:50:00.000Z',
      until: '2022-01-12T13:51:00.000Z',
    });
  });

  it('handles a daylight-saving day (Paris, 27 March 2022 had 23 hours)', () => {
    const i = intervalOf('2022-03-27', 'Europe/Paris');
    assert.equal(i.earliest, '2022-03-26T23:00:00.000Z');
    assert.equal(i.until, '2022-03-27T22:00:00.000Z');
  });

  it('spans an event from its start to the end of its end', () => {
    assert.deepEqual(spanOf('2022-01-13', '2022-01-23'), { earliest: '2022-01-13T00:00:00.000Z', until: '2022-01-24T00:00:00.000Z' });
    assert.deepEqual(spanOf('2022-01-13', null), { earliest: '2022-01-13T00:00:00.000Z', until: '2022-01-14T00:00:00.000Z' });
  });

  it('labels never claim more precision than the date has', () => {
    assert.equal(formatPartialDate('2022-01'), 'Jan 2022');
    assert.equal(formatPartialDate('2022-01', true), 'c. Jan 2022');
    assert.equal(formatPartialDate('2022-01-12'), '12 Jan 2022');
    assert.equal(formatPartialDate('2022'), '2022');
    assert.equal(formatPartialDate('2022-01-12T09:05'), '12 Jan 2022, 09:05');
    assert.equal(formatRange('2022-01-13', false, '2022-01-23', true), '13 Jan 2022 – c. 23 Jan 2022');
  });

  it('orders by earliest instant', () => {
    assert.deepEqual(['2022-01-13', '2022-01', '2021'].sort(comparePartialDates), ['2021', '2022-01', '2022-01-13']);
  });
});
