import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates, resolveWhen, type DateContext } from '../../../lib/ingest/dates';

// Thursday 13 January 2022, the day the sample article was published.
const ctx = { published: '2022-01-13', localTimeZone: 'Asia/Almaty' };
const when = (s: string, c: DateContext = ctx) => resolveWhen(findDates(s, c), null, c);

describe('dates, resolved against the publication date', () => {
  const cases: Array<[string, string, string, boolean?]> = [
    ['le 5 janvier 2022', '2022-01-05', 'day'],
    ['mercredi 12 janvier', '2022-01-12', 'day'],
    ['Il a parlé jeudi.', '2022-01-13', 'day'],
    ['Les heurts de lundi soir', '2022-01-10', 'day'],
    ['They met on Monday', '2022-01-10', 'day'],
    ['The talks started Sept. 26', '2021-09-26', 'day'],
    ['il y a trois jours', '2022-01-10', 'day'],
    ['yesterday', '2022-01-12', 'day'],
    ['en janvier 2022', '2022-01', 'month'],
    ['début janvier', '2022-01', 'month', true],
    ['the 10th of January', '2022-01-10', 'day'],
    ['2021-12-31', '2021-12-31', 'day'],
  ];
  for (const [text, start, precision, approximate = false] of cases) {
    it(`"${text}" → ${start} (${precision}${approximate ? ', approximate' : ''})`, () => {
      const w = when(text);
      assert.ok(w, 'no date found');
      assert.deepEqual([w.start, w.precision, w.approximate], [start, precision, approximate]);
    });
  }

  it('"vers 19 h 50" with a day: minute precision, approximate, in the local time zone', () => {
    const w = when('mercredi vers 19 h 50 (heure locale)')!;
    assert.deepEqual([w.start, w.precision, w.approximate, w.timeZone], ['2022-01-12T19:50', 'minute', true, 'Asia/Almaty']);
  });

  it('"pendant dix jours" and "for six days" give an end', () => {
    const fr = when('La mission a commencé le 6 janvier et a duré pendant dix jours.')!;
    assert.deepEqual([fr.start, fr.end, fr.endPrecision], ['2022-01-06', '2022-01-15', 'day']);
    const en = when('The strike began on Jan. 3 and lasted for six days.')!;
    assert.deepEqual([en.start, en.end], ['2022-01-03', '2022-01-08']);
  });

  it('"depuis dix jours" runs up to the publication date, approximately', () => {
    const w = when('Les manifestations durent depuis dix jours.')!;
    assert.deepEqual([w.start, w.end, w.approximate], ['2022-01-03', '2022-01-13', true]);
  });

  it('"next Monday" and "lundi prochain" look forward', () => {
    assert.equal(when('They will meet next Monday.')!.start, '2022-01-17');
    assert.equal(when('Ils se verront lundi prochain.')!.start, '2022-01-17');
  });

  it('never invents a date: no publication date, no relative resolution; "may" is not May', () => {
    assert.equal(when('Il a parlé jeudi.', { published: null, localTimeZone: null }), null);
    assert.equal(when('They may 12 times a day complain.'), null);
  });

  it('inherits the date of the paragraph for a time alone', () => {
    const prev = when('Le 5 janvier 2022, les manifestants ont envahi la mairie.')!;
    const w = resolveWhen(findDates('Vers 19 h 50, la police est intervenue.', ctx), prev, ctx)!;
    assert.deepEqual([w.start, w.basis], ['2022-01-05T19:50', 'context']);
  });
});
