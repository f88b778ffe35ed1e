import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SAMPLE_CASE_DIR, readCaseFolder, readCaseFolderWithStories } from '../../../scripts/lib/case-folder';
import { caseViewFromBundle } from '../../../lib/embed/bundle-view';
import { readSnapshot, snapshotOf } from '../../../lib/embed/publication';
import { caseVersion } from '../../../lib/embed/version';
import { NO_FILTERS } from '../../../lib/filters';
import { EVENT_STATUSES, type EventStatus } from '../../../lib/model/vocab';
import { renderSnapshotSvg, type SnapshotInput } from '../../../lib/snapshot';
import { SnapshotQuery, snapshotQueryInput } from '../../../lib/snapshot/query';
import { STATUS_SVG } from '../../../lib/snapshot/style';
import { esc } from '../../../lib/snapshot/text';

const sample = readCaseFolder(SAMPLE_CASE_DIR);
const probe = readCaseFolder(path.resolve(__dirname, '../../fixtures/cases/xss-probe'));
const input = (over: Partial<SnapshotInput> = {}): SnapshotInput => ({
  view: 'timeline',
  caseView: caseViewFromBundle(sample),
  filters: NO_FILTERS,
  window: null,
  width: 1200,
  caseUrl: 'https://tw.example/cases/kazakhstan-2022-01',
  versionNote: 'Live version',
  ...over,
});
const parse = (svg: string) => {
  assert.equal(XMLValidator.validate(svg), true, 'well-formed XML');
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(svg) as { svg: Record<string, unknown> };
};
/** Every text node of the document, concatenated: what a reader or an extractor gets. */
const textOf = (svg: string) => svg.replace(/<[^>]+>/g, ' ');

describe('static snapshot SVG', () => {
  for (const view of ['timeline', 'graph'] as const) {
    it(`${view}: parses as XML, with a title, a description and the credits`, () => {
      const svg = renderSnapshotSvg(input({ view }));
      const doc = parse(svg);
      assert.equal(doc.svg['@role'], 'img');
      assert.match(String((doc.svg.title as { '#text': string })['#text']), new RegExp(`Kazakhstan.*${view === 'graph' ? 'network' : 'timeline'}`));
      assert.ok(svg.includes('<desc id="tw-desc">'));
      assert.match(svg, /Sources: Press TV \(French service\)/);
      assert.ok(svg.includes('https://tw.example/cases/kazakhstan-2022-01'));
    });

    it(`${view}: is the same string for the same input`, () => {
      assert.equal(renderSnapshotSvg(input({ view })), renderSnapshotSvg(input({ view, caseView: caseViewFromBundle(structuredClone(sample)) })));
    });

    it(`${view}: renders every string of the XSS probe as inert text`, () => {
      const svg = renderSnapshotSvg(input({ view, caseView: caseViewFromBundle(probe) }));
      parse(svg);
      // No markup from the data survives as markup: only our own elements exist.
      const elements = new Set([...svg.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]));
      for (const bad of ['script', 'img', 'iframe', 'foreignObject', 'b']) assert.ok(!elements.has(bad), `<${bad}> in the output`);
      // No event-handler attribute and no script URL on any element (the escaped words in text are inert).
      assert.doesNotMatch(svg, /<[^>]*\son[a-z]+=/i);
      assert.doesNotMatch(svg, /<[^>]*javascript:/i);
      // …and the words are there, escaped.
      assert.ok(svg.includes(esc(probe.case.title)) || svg.includes(esc(probe.case.title).slice(0, 20)));
      if (view === 'timeline') assert.ok(svg.includes('Speech &lt;img src=x onerror=&quot;window.__xss=&#39;event-title&#39;&quot;&gt;'));
      else assert.ok(svg.includes('Mayor &lt;img'));
    });
  }

  it('timeline: draws each status in its own encoding (colour, border, pattern) and in words', () => {
    const events = caseViewFromBundle(sample).events;
    // One event of each status, so every encoding is exercised.
    const view = caseViewFromBundle(sample);
    const mixed = { ...view, events: EVENT_STATUSES.map((status, i) => ({ ...events[i]!, status })) };
    const svg = renderSnapshotSvg(input({ caseView: mixed }));
    for (const status of EVENT_STATUSES) {
      const group = svg.match(new RegExp(`<g class="tw-event tw-status-${status}[^"]*" data-status="${status}"[^>]*>(.*?)</g>`))?.[1];
      assert.ok(group, `an event drawn as ${status}`);
      const s = STATUS_SVG[status];
      assert.ok(group.includes(`stroke="${s.stroke}"`), `${status} border colour`);
      if (s.dash) assert.ok(group.includes(`stroke-dasharray="${s.dash}"`), `${status} dashes`);
      if (s.hatch) assert.ok(group.includes(`url(#${s.hatch})`), `${status} hatch`);
      if (s.double) assert.ok(group.includes('stroke-width="4"'), `${status} double border`);
      assert.match(group, new RegExp(`· ${status[0]!.toUpperCase()}${status.slice(1)}`), `${status} in words`);
    }
    // Uncertain dates are drawn faded; the legend explains every status.
    assert.ok(svg.includes('url(#tw-fade-end)'));
    for (const label of ['Confirmed', 'Reported', '? Alleged', '⚠ Disputed', '✕ Denied', 'Uncertain date']) assert.ok(svg.includes(label), label);
  });

  it('uses the colours of the stylesheet (app/_components/status.css)', () => {
    const css = readFileSync(path.resolve(__dirname, '../../../app/_components/status.css'), 'utf8');
    for (const status of EVENT_STATUSES as readonly EventStatus[]) {
      const block = css.match(new RegExp(`\\.tw-status-${status} \\{([^}]*)\\}`))?.[1] ?? '';
      assert.match(block, new RegExp(`--tw-c: ${STATUS_SVG[status].stroke};`), status);
      assert.match(block, new RegExp(`--tw-fill: ${STATUS_SVG[status].fill};`), status);
    }
  });

  it('timeline: keeps only the events in the window and those the filters let through', () => {
    const all = renderSnapshotSvg(input());
    const count = (svg: string) => (svg.match(/<g class="tw-event /g) ?? []).length;
    assert.equal(count(all), sample.events.length);
    const windowed = renderSnapshotSvg(input({ window: { start: '2022-01-12T00:00', end: '2022-01-13T00:00' } }));
    assert.ok(textOf(windowed).includes('Tokayev meets CSTO Secretary General Zas'));
    assert.ok(!textOf(windowed).includes('Almaty city administration building stormed'), 'a 5 January event is outside 12 January');
    assert.ok(count(windowed) < count(all) && count(windowed) > 0);
    const noAlleged = renderSnapshotSvg(input({ filters: { ...NO_FILTERS, statuses: ['alleged'] } }));
    assert.equal((noAlleged.match(/data-status="alleged"/g) ?? []).length, 0);
    assert.ok((all.match(/data-status="alleged"/g) ?? []).length > 0);
  });

  it('graph: draws every entity with its type, and relationships as arrows', () => {
    const svg = renderSnapshotSvg(input({ view: 'graph' }));
    assert.equal((svg.match(/<g class="tw-node /g) ?? []).length, sample.entities.length);
    assert.equal((svg.match(/<g class="tw-edge"/g) ?? []).length, sample.relations.length);
    assert.ok(svg.includes('Kassym-Jomart Tokayev'));
  });

  it('query: validates format, view, width and the window; repeatable filters', () => {
    const ok = SnapshotQuery.parse(snapshotQueryInput(new URLSearchParams('format=png&view=graph&width=800&hideStatus=alleged&hideStatus=denied')));
    assert.deepEqual([ok.format, ok.view, ok.width, ok.hideStatus], ['png', 'graph', 800, ['alleged', 'denied']]);
    assert.equal(SnapshotQuery.parse({ format: 'svg' }).width, 1200);
    for (const bad of ['format=pdf', 'format=svg&width=10', 'format=svg&width=99999', 'format=svg&from=2022-01-01T00:00', 'format=svg&version=HEAD', 'format=svg&evil=1', 'format=svg&hideStatus=maybe']) {
      assert.equal(SnapshotQuery.safeParse(snapshotQueryInput(new URLSearchParams(bad))).success, false, bad);
    }
  });
});

describe('published snapshot text', () => {
  it('hashes to the case version and reads back to the same bundle', () => {
    const snap = snapshotOf(sample);
    assert.equal(snap.version, caseVersion(sample));
    assert.equal(snapshotOf(readSnapshot(snap.json, snap.version)).json, snap.json);
  });
  it('leaves stories out, as the case version does', () => {
    const withStory = readCaseFolderWithStories(SAMPLE_CASE_DIR);
    assert.ok(withStory.stories?.length, 'the sample case has a story');
    assert.equal(snapshotOf(withStory).version, caseVersion(withStory));
    assert.ok(!snapshotOf(withStory).json.includes('"stories"'));
  });
  it('refuses a snapshot that does not match its version', () => {
    const snap = snapshotOf(sample);
    assert.throws(() => readSnapshot(snap.json.replace('Kazakhstan', 'Kazakstan'), snap.version), /does not match/);
  });
});
