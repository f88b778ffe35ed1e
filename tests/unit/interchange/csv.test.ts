import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { EVENT_CSV_COLUMNS, TIMELINE_COLUMNS, entitiesToCsv, eventsToCsv, parseEventsCsv } from '../../../lib/interchange/csv';
import { InterchangeError } from '../../../lib/interchange/errors';
import { sampleBundle } from './sample';

const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

describe('CSV export', () => {
  it('writes RFC 4180: CRLF, quoted commas, doubled quotes, line breaks kept inside quotes', () => {
    const b = structuredClone(sampleBundle());
    b.events[0]!.title = 'He said "no", then left';
    b.events[0]!.description = 'line one\nline two, with a comma';
    const csv = eventsToCsv(b);
    assert.ok(csv.startsWith(`${EVENT_CSV_COLUMNS.join(',')}\r\n`));
    assert.ok(csv.includes('"He said ""no"", then left"'));
    assert.ok(csv.includes('"line one\nline two, with a comma"'));
    const rows = parse(csv).data;
    assert.equal(rows.length, b.events.length + 1, 'a title row and one row per event');
    assert.equal(rows.find((r) => r.Id === b.events[0]!.id)!.Text, 'line one\nline two, with a comma');
  });

  it('follows the TimelineJS template, with the dates at their precision', () => {
    const b = sampleBundle();
    const rows = parse(eventsToCsv(b)).data;
    assert.deepEqual(Object.keys(rows[0]!).slice(0, TIMELINE_COLUMNS.length), [...TIMELINE_COLUMNS]);
    assert.equal(rows[0]!.Type, 'title');
    for (const e of b.events) {
      const r = rows.find((x) => x.Id === e.id)!;
      const written = [r.Year, r.Month, r.Day].filter(Boolean).map((x) => x!.padStart(2, '0')).join('-') + (r.Time ? `T${r.Time}` : '');
      assert.equal(written, e.start);
      assert.equal(r.Status, e.status);
      assert.match(r['Media Credit']!, /Press TV/);
    }
  });

  it('guards cells a spreadsheet would run as formulas, and the import undoes it', () => {
    const b = structuredClone(sampleBundle());
    b.events[0]!.title = '=HYPERLINK("http://evil.test")';
    const csv = eventsToCsv(b);
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.test"")"`));
    const { bundle } = parseEventsCsv(csv, { caseId: 'csv-unit' });
    assert.ok(bundle.events.some((e) => e.title === '=HYPERLINK("http://evil.test")'));
  });

  it('writes the entities table', () => {
    const b = sampleBundle();
    const rows = parse(entitiesToCsv(b)).data;
    assert.equal(rows.length, b.entities.length);
    const almaty = rows.find((r) => r.Name === 'Almaty')!;
    assert.equal(almaty.Type, 'place');
    assert.match(almaty.Aliases!, /Алматы \[ru\]/);
  });
});

describe('CSV import (TimelineJS spreadsheet template)', () => {
  it('imports a minimal sheet: precision from the filled columns, a title row, an era', () => {
    const csv = [
      'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background',
      ',,,,,,,,,My sheet,What it is about,,,,,title,,',
      '2022,1,,,,,,,,"Unrest, spreading",Protests spread,,Reuters,,,,,',
      '2022,1,13,19:50,,,,,,Late statement,The minister spoke,,,,,,,',
      '2022,1,5,,2022,1,19,,,State of emergency,,,,,,era,,',
    ].join('\r\n');
    const { bundle, report } = parseEventsCsv(csv, { caseId: 'csv-unit', publisher: 'A newsroom' });
    assert.equal(bundle.case.title, 'My sheet');
    assert.deepEqual([report.events, report.eras], [2, 1]);
    assert.deepEqual(bundle.events.map((e) => [e.title, e.start, e.end]), [
      ['Unrest, spreading', '2022-01', null],
      ['Late statement', '2022-01-13T19:50', null],
      ['State of emergency', '2022-01-05', '2022-01-19'],
    ]);
    const quote = bundle.citations.find((c) => c.id === bundle.events[0]!.citationIds[0])!.quote;
    assert.equal(quote, 'Unrest, spreading\nProtests spread\nMedia credit: Reuters');
  });

  it('round-trips its own export (statuses but confirmed, kinds, approximations, time zones)', () => {
    const b = sampleBundle();
    const { bundle } = parseEventsCsv(eventsToCsv(b), { caseId: 'csv-round' });
    assert.equal(bundle.case.title, b.case.title);
    const key = (e: (typeof b.events)[number]) => [e.title, e.start, e.end, e.kind, e.approximate, e.endApproximate, e.timeZone, e.status === 'confirmed' ? 'reported' : e.status].join('|');
    assert.deepEqual(bundle.events.map(key).sort(), b.events.map(key).sort());
  });

  it('says which row and column is wrong, all at once', () => {
    const csv = ['Year,Month,Day,Time,Headline,Text,Type', '2022,13,,,Bad month,x,', 'soon,,,,Bad year,x,', '2022,1,2,25:00,Bad time,x,', '2022,,,,ok,x,slide'].join('\n');
    assert.throws(
      () => parseEventsCsv(csv, { caseId: 'csv-unit' }),
      (e: unknown) => {
        assert.ok(e instanceof InterchangeError);
        const paths = e.problems.map((p) => p.path);
        assert.deepEqual(paths.sort(), ['row 2.start_date.month', 'row 3: Year', 'row 4.start_date.hour', 'row 5: Type']);
        return true;
      },
    );
    assert.throws(() => parseEventsCsv('Year,Month,Day,Headline,Text\n2022,13,,Bad month,x', { caseId: 'csv-unit' }), /row 2\.start_date\.month: month 13 is not 1 to 12/);
    assert.throws(() => parseEventsCsv('When,What\n2022,x', { caseId: 'csv-unit' }), /lacks the column\(s\) Year, Headline, Text/);
    assert.throws(() => parseEventsCsv('', { caseId: 'csv-unit' }), /empty/);
    assert.throws(() => parseEventsCsv('Year,Headline,Text\n2022,"unclosed,x', { caseId: 'csv-unit' }), /malformed/);
  });
});
