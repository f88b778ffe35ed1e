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

  it('holds years before the common era as signed astronomical years, and years 1 to 99 as written', () => {
    assert.deepEqual(parsePartialDate('-0043-03-15'), { precision: 'day', year: -43, month: 3, day: 15, hour: 0, minute: 0 });
    assert.equal(precisionOf('-0043-03-15T11:00'), 'minute');
    assert.equal(parsePartialDate('-0000'), null, 'year zero has no sign');
    assert.equal(parsePartialDate('-0043-02-29'), null, '44 BCE was not a leap year in the proleptic Gregorian calendar');
    assert.ok(parsePartialDate('-0044-02-29'), '45 BCE (astronomical -44) was');
    assert.deepEqual(intervalOf('-0043-03-15'), { earliest: '-000043-03-15T00:00:00.000Z', until: '-000043-03-16T00:00:00.000Z' });
    // Date.UTC alone would put these in 1944 and 1999.
    assert.deepEqual(intervalOf('0044'), { earliest: '0044-01-01T00:00:00.000Z', until: '0045-01-01T00:00:00.000Z' });
    assert.deepEqual(intervalOf('0099-12'), { earliest: '0099-12-01T00:00:00.000Z', until: '0100-01-01T00:00:00.000Z' });
    assert.equal(formatPartialDate('-0043-03-15'), '15 Mar 44 BCE');
    assert.equal(formatPartialDate('0000', true), 'c. 1 BCE');
    assert.equal(formatPartialDate('0044'), '44');
    // Ordered in time, though "-000100…" > "-000044…" as strings.
    assert.deepEqual(['-0043', '0044', '-0099', '2022', '0000'].sort(comparePartialDates), ['-0099', '-0043', '0000', '0044', '2022']);
  });
});
