import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { TimelineWindow } from '../../lib/api/timeline';
import { EventPage, Neighbourhood } from '../../lib/api/views';
import { EventFacets, WindowNetwork } from '../../lib/api/large-case';
import { TEST_EDITOR } from '../fixtures/accounts';
import { createOneStepStory, deleteGeneratedCase, loadGeneratedCase } from './generated-case';

/**
 * The page of a large generated case (lib/synth, the `npm run gen` generator): it never reads the
 * whole case. The aggregating timeline: zoomed out the browser holds a few hundred items at most
 * (counts per bucket from GET /api/cases/{id}/timeline), zoomed in to a day it shows the events
 * themselves. The network is the window's, bounded (GET /api/cases/{id}/network). The case is
 * generated into its own id for this file and deleted after it, so no other spec sees it.
 */
// Above the aggregating threshold (lib/views/timeline-buckets.ts LARGE_TIMELINE_EVENTS, 2,000) and
// far above the 300 a window may list; more entities than the window network draws (300).
const CASE_ID = 'e2e-timeline-large';
const EVENTS = 3_000;
const ENTITIES = 400;
const MAX_DOM_ITEMS = 300;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type TimelineEvent = Extract<TimelineWindow, { mode: 'events' }>['events'][number];

async function timelineApi(request: APIRequestContext, query = ''): Promise<TimelineWindow> {
  const res = await request.get(`/api/cases/${CASE_ID}/timeline${query}`);
  expect(res.status()).toBe(200);
  return TimelineWindow.parse(await res.json());
}

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  // The same generator as `npm run gen`, loaded in batched chunks (graph/bulk-load.repo.ts).
  loadGeneratedCase(CASE_ID, { events: EVENTS, entities: ENTITIES, seed: 11, chunked: true });
});

test.afterAll(() => {
  deleteGeneratedCase(CASE_ID);
});

/** A quiet stretch of the case (the smaller buckets first) with an event dated to one day in it, and that day's window. */
async function quietDay(request: APIRequestContext) {
  const whole = await timelineApi(request);
  expect(whole.mode).toBe('buckets');
  if (whole.mode !== 'buckets') throw new Error('the whole case must come as buckets');
  let event: TimelineEvent | undefined;
  for (const bucket of [...whole.buckets].sort((a, b) => a.count - b.count).slice(0, 10)) {
    const inside = await timelineApi(request, `?from=${bucket.start}&to=${bucket.end}`);
    event = inside.mode === 'events' ? inside.events.find((e) => e.end === null && (e.precision === 'day' || e.precision === 'minute')) : undefined;
    if (event) break;
  }
  if (!event) throw new Error('no day-precise event in the quietest buckets');
  const found: TimelineEvent = event;
  const day = found.start.slice(0, 10);
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const dayWindow = await timelineApi(request, `?from=${day}T00:00Z&to=${next}T00:00Z`);
  expect(dayWindow.mode).toBe('events');
  if (dayWindow.mode !== 'events') throw new Error('a day must come as events');
  expect(dayWindow.events.some((e) => e.id === found.id)).toBe(true);
  return { event: found, url: `/cases/${CASE_ID}?from=${day}T00:00&to=${next}T00:00`, events: dayWindow.events };
}

test.describe('large case timeline', () => {
  test('zoomed out: counts per time bucket, never more than a few hundred DOM items', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/cases/${CASE_ID}`);
    const timeline = page.getByTestId('timeline');
    await expect(timeline.locator('.vis-item.tw-bucket').first()).toBeVisible({ timeout: 60_000 });
    const items = await timeline.locator('.vis-item').count();
    expect(items).toBeGreaterThan(0);
    expect(items).toBeLessThanOrEqual(MAX_DOM_ITEMS);
    await expect(timeline.locator('.vis-item.tw-event')).toHaveCount(0);
    // Every count is readable whole: no bar narrower than its label (vis clips a range's content).
    const clipped = () =>
      timeline.locator('.vis-item.tw-bucket').evaluateAll((els) =>
        els.filter((e) => (e.querySelector<HTMLElement>('.vis-item-content')?.offsetWidth ?? 0) > e.clientWidth).map((e) => e.textContent),
      );
    await expect.poll(clipped, { timeout: 15_000 }).toEqual([]);
    // A histogram: the bars side by side on one row (vis stacked neighbours into a second row),
    // a fuller bucket never shorter than an emptier one.
    const bars = await timeline.locator('.vis-item.tw-bucket').evaluateAll((els) =>
      els.map((e) => ({ top: Math.round(e.getBoundingClientRect().top), height: e.getBoundingClientRect().height, count: Number((e.textContent ?? '').replace(/\D/g, '')) })),
    );
    expect(new Set(bars.map((b) => b.top)).size).toBe(1);
    const byCount = [...bars].sort((a, b) => a.count - b.count);
    expect(byCount.map((b) => b.height)).toEqual([...byCount.map((b) => b.height)].sort((a, b) => a - b));
    expect(byCount.at(-1)!.height).toBeGreaterThan(byCount[0]!.height);
    // The text alternative says what the buckets hold (the window is at most ten years wide).
    await expect(page.getByTestId('timeline-window-summary')).toContainText(/[\d,]{4,} events in this window, counted per/);
    await page.getByTestId('timeline-window-list').locator('summary').click();
    const first = page.getByRole('list', { name: 'Events in this window, grouped by date' }).getByRole('button').first();
    await expect(first).toContainText(/\d+ events?:/);
  });

  test('zoomed in to a day: the events themselves, selectable', async ({ page, request }) => {
    test.setTimeout(120_000);
    const { event, url, events: dayEvents } = await quietDay(request);
    await page.goto(url);
    const timeline = page.getByTestId('timeline');
    const item = timeline.locator('.vis-item.tw-event', { hasText: event.title }).first();
    await expect(item).toBeVisible({ timeout: 60_000 });
    await expect(timeline.locator('.vis-item.tw-bucket')).toHaveCount(0);
    expect(await timeline.locator('.vis-item').count()).toBeLessThanOrEqual(MAX_DOM_ITEMS);
    const shown = dayEvents.length;
    await expect(page.getByTestId('timeline-window-summary')).toContainText(`${shown} ${shown === 1 ? 'event' : 'events'} in this window`);
    await item.click();
    await expect(page.locator('#tw-details').getByRole('heading', { level: 3 })).toHaveText(event.title);
  });
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ids of the drawn network nodes carrying a class (cytoscape, through the test hook). */
const cyIds = (page: Page, selector: string) => page.evaluate((sel) => window.__twCy?.nodes(sel).map((n) => n.id()).sort() ?? [], selector);

test.describe('large case page', () => {
  test('never holds the whole case: a small page, interactive quickly, a bounded network of the window', async ({ page, request }) => {
    test.setTimeout(120_000);
    // The HTML (with its React payload) carries the summary and the first sources, no events.
    const res = await request.get(`/cases/${CASE_ID}`);
    expect(res.status()).toBe(200);
    const html = await res.text();
    expect(html.length).toBeLessThan(150_000);
    expect(html.match(/evt_[0-9a-f]/g)?.length ?? 0).toBe(0);

    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    // One answer draws the first view: the whole case with its extent, in as many buckets as the
    // fitted window holds legibly. The fit (the extent and some air) is not asked for again, so
    // the network, which follows the timeline's answers, loads once.
    const timelineUrls: string[] = [];
    const networkUrls: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes(`/api/cases/${CASE_ID}/timeline`)) timelineUrls.push(r.url());
      if (r.url().includes(`/api/cases/${CASE_ID}/network`)) networkUrls.push(r.url());
    });
    const firstAnswer = page.waitForResponse((r) => r.url().includes(`/api/cases/${CASE_ID}/timeline`));
    const started = Date.now();
    await page.goto(`/cases/${CASE_ID}`);
    await expect(page.getByTestId('timeline').locator('.vis-item.tw-bucket').first()).toBeVisible({ timeout: 30_000 });
    const whole = TimelineWindow.parse(await (await firstAnswer).json());
    expect(new URL((await firstAnswer).url()).searchParams.has('from')).toBe(false);
    expect(whole.extent).not.toBeNull();
    if (whole.mode !== 'buckets') throw new Error('a 3,000-event case answers in buckets');
    // The fit shows the whole case, even one longer than the default widest zoom (ten years; this
    // one is longer). Buckets are aligned to whole widths and may reach past the window: where the
    // extent's ends fall on the first and last bars (linear in time) must be inside it.
    const fit = () =>
      page.getByTestId('timeline').locator('.vis-item.tw-bucket').evaluateAll((els) => {
        const panel = els[0]!.closest('.vis-center')!.getBoundingClientRect();
        const boxes = els.map((el) => el.getBoundingClientRect()).sort((x, y) => x.left - y.left);
        return { panel: { left: panel.left, right: panel.right }, boxes: boxes.map((b) => ({ left: b.left, width: b.width })) };
      });
    const xOf = (box: { left: number; width: number }, bucket: { start: string; end: string }, at: string) =>
      box.left + ((Date.parse(at) - Date.parse(bucket.start)) / (Date.parse(bucket.end) - Date.parse(bucket.start))) * box.width;
    await expect
      .poll(async () => {
        const { panel, boxes } = await fit();
        if (boxes.length !== whole.buckets.length) return `${boxes.length} bars for ${whole.buckets.length} buckets`;
        const startX = xOf(boxes[0]!, whole.buckets[0]!, whole.extent!.start);
        const endX = xOf(boxes.at(-1)!, whole.buckets.at(-1)!, whole.extent!.end);
        return startX >= panel.left && endX <= panel.right ? 'covers the extent' : `extent at ${startX}..${endX}, window ${panel.left}..${panel.right}`;
      }, { timeout: 15_000 })
      .toBe('covers the extent');
    expect(whole.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(EVENTS);
    await expect(page.getByTestId('timeline-window-summary')).toContainText(`${EVENTS.toLocaleString('en')} events in this window`);
    // Interactive: the search box answers (hydrated, and /api/search works on the large case).
    const first = EventPage.parse(await (await request.get(`/api/cases/${CASE_ID}/events?limit=1`)).json()).events[0]!;
    const word = first.title.split(/\s+/).find((w) => /^\p{L}{4,}$/u.test(w))!;
    const search = page.getByRole('searchbox', { name: 'Search names, events and quotes' });
    await search.fill(word);
    await expect(page.getByRole('search').getByRole('list').getByRole('button').first()).toBeVisible({ timeout: 30_000 });
    const interactiveMs = Date.now() - started;
    console.log(`large case page: HTML ${html.length} bytes, timeline drawn and search answering after ${interactiveMs} ms`);
    expect(interactiveMs).toBeLessThan(30_000);
    await search.fill('');

    // The network: at most 300 entities of the window (the whole case here), said so in words.
    const note = page.getByTestId('window-network-note');
    await expect(note).toContainText(/^Showing 300 of \d{3} entities taking part in this window's events/, { timeout: 30_000 });
    const total = Number(/of (\d+) entities/.exec((await note.textContent()) ?? '')![1]);
    expect(total).toBeGreaterThan(300);
    expect(total).toBeLessThanOrEqual(ENTITIES);
    await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) === 300, null, { timeout: 30_000 });
    await expect(page.getByTestId('network-list').locator('summary')).toContainText('(300 entities)');
    // Laid out by fcose in a worker, not on the page: the canvas says so once the worker answered,
    // and the nodes stand where it put them, apart from one another.
    await expect(page.locator('[data-layout]').first()).toHaveAttribute('data-layout', 'worker', { timeout: 60_000 });
    expect(workers.length).toBeGreaterThan(0);
    // The drawing has come to rest: the network's nodes at their places.
    await expect(note).not.toContainText('updating');
    const positionsNow = () => page.evaluate(() => window.__twCy!.nodes().map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`));
    let positions = await positionsNow();
    await expect
      .poll(async () => {
        const next = await positionsNow();
        const still = next.join(' ') === positions.join(' ');
        positions = next;
        return still;
      }, { intervals: [500], timeout: 30_000 })
      .toBe(true);
    expect(positions.length).toBe(300);
    expect(new Set(positions).size).toBe(300);
    // Seconds later, still one answer of each: the fit was not asked for, nor its network.
    expect(timelineUrls).toHaveLength(1);
    expect(networkUrls).toHaveLength(1);
    // Bounded DOM: a few hundred timeline items, no list of every event.
    expect(await page.getByTestId('timeline').locator('.vis-item').count()).toBeLessThanOrEqual(MAX_DOM_ITEMS);
    expect(await page.locator('*').count()).toBeLessThan(10_000);
    // Sources: the first 50, and the count of the rest.
    await expect(page.locator('.tw-source-list > li')).toHaveCount(50);
    await expect(page.getByTestId('sources-more')).toContainText(/and \d+ more/);

    expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  });

  test('the window network API: bounded, validated, 404 for a case that is not there', async ({ request }) => {
    const net = WindowNetwork.parse(await (await request.get(`/api/cases/${CASE_ID}/network?limit=50&hideStatus=denied`)).json());
    expect(net.graph.nodes).toHaveLength(50);
    expect(net.entityTotal).toBeGreaterThan(50);
    for (const query of ['limit=0', 'limit=501', 'hideStatus=maybe', 'from=yesterday', 'bogus=1']) {
      expect((await request.get(`/api/cases/${CASE_ID}/network?${query}`)).status(), query).toBe(400);
    }
    expect((await request.get('/api/cases/no-such-case/network')).status()).toBe(404);
  });

  test('a day: select an event in the window list, read its citations; the two views light each other up', async ({ page, request }) => {
    test.setTimeout(120_000);
    const { event, url, events: dayEvents } = await quietDay(request);
    await page.goto(url);
    await expect(page.getByTestId('window-network-note')).toContainText(/^Showing all \d+ entit/, { timeout: 30_000 });
    await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) > 0);

    // Select the event from the timeline's text alternative.
    await page.getByTestId('timeline-window-list').locator('summary').click();
    const list = page.getByRole('list', { name: 'Events in this window, in date order' });
    await list.getByRole('button', { name: new RegExp(escapeRe(event.title)) }).first().click();
    const details = page.locator('#tw-details');
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(event.title);
    await expect(details.getByRole('heading', { name: /What the sources say \([1-9]\d*\)/ })).toBeVisible();
    await expect(details.locator('section[aria-labelledby="tw-citations-heading"] .tw-citation').first()).toBeVisible();
    expect(page.url()).toContain(`sel=${event.id}`);
    // Its participants light up in the network.
    await expect.poll(() => cyIds(page, '.highlighted')).toEqual([...event.participantIds].sort());

    // An entity: its events in the window list light up, the others dim.
    const entityId = event.participantIds[0]!;
    const other = dayEvents.find((e) => !e.participantIds.includes(entityId));
    const name = await page.evaluate((id) => String(window.__twCy?.getElementById(id).data('label')), entityId);
    const entities = page.getByTestId('network-list');
    await entities.locator('summary').click();
    await entities.locator('button', { has: page.locator('.tw-list-title', { hasText: new RegExp(`^${escapeRe(name)}$`) }) }).first().click();
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(name);
    const buttons = list.getByRole('button');
    const index = dayEvents.findIndex((e) => e.id === event.id);
    await expect(buttons.nth(index)).not.toHaveClass(/tw-dimmed/);
    if (other) await expect(buttons.nth(dayEvents.indexOf(other))).toHaveClass(/tw-dimmed/);

    expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  });
  test('filters: each status and kind with its count; hiding one reloads the timeline and the network without it, in the URL', async ({ page, request }) => {
    test.setTimeout(120_000);
    const facets = EventFacets.parse(await (await request.get(`/api/cases/${CASE_ID}/facets`)).json());
    expect(facets.total).toBe(EVENTS);
    expect((await request.get(`/api/cases/${CASE_ID}/facets?x=1`)).status()).toBe(400);
    expect((await request.get('/api/cases/no-such-case/facets')).status()).toBe(404);
    const doc = (await (await request.get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/cases/{caseId}/facets');
    const alleged = facets.entries.filter((e) => e.status === 'alleged').reduce((n, e) => n + e.count, 0);
    expect(alleged).toBeGreaterThan(0);

    const facetRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes(`/api/cases/${CASE_ID}/facets`)) facetRequests.push(r.url());
    });
    await page.goto(`/cases/${CASE_ID}`);
    const summary = page.getByTestId('timeline-window-summary');
    await expect(summary).toContainText(`${EVENTS.toLocaleString('en')} events in this window`, { timeout: 30_000 });
    // The counts are read when the panel is opened, not on every page view.
    expect(facetRequests).toEqual([]);
    const filters = page.locator('.tw-filters');
    await filters.locator('summary').click();
    await expect(page.getByTestId('hidden-count')).toHaveText('(everything shown)');
    const box = filters.getByRole('group', { name: 'Event status' }).getByRole('checkbox', { name: /^Alleged/ });
    await expect(filters.getByRole('group', { name: 'Event status' })).toContainText(`Alleged (${alleged.toLocaleString('en')})`);
    const network = page.waitForResponse((r) => r.url().includes(`/api/cases/${CASE_ID}/network`) && new URL(r.url()).searchParams.get('hideStatus') === 'alleged');
    await box.uncheck();
    await expect(summary).toContainText(`${(EVENTS - alleged).toLocaleString('en')} events in this window`, { timeout: 30_000 });
    await expect(page.getByTestId('hidden-count')).toHaveText(`(${alleged.toLocaleString('en')} events hidden by filters)`);
    expect((await network).status()).toBe(200);
    await expect.poll(() => new URL(page.url()).searchParams.getAll('hideStatus')).toEqual(['alleged']);
    expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);

    // Reloaded from its URL, the page keeps the filter; "Show everything" lifts it.
    await page.reload();
    await expect(summary).toContainText(`${(EVENTS - alleged).toLocaleString('en')} events in this window`, { timeout: 30_000 });
    await page.locator('.tw-filters > summary').click();
    await expect(page.locator('.tw-filters').getByRole('checkbox', { name: /^Alleged/ })).not.toBeChecked();
    await page.getByRole('button', { name: 'Show everything' }).click();
    await expect(summary).toContainText(`${EVENTS.toLocaleString('en')} events in this window`, { timeout: 30_000 });
    await expect.poll(() => new URL(page.url()).searchParams.has('hideStatus')).toBe(false);
  });
  test("focus mode: an entity's neighbourhood from the API instead of the window's network, expanded, in the URL, and back", async ({ page, request }) => {
    test.setTimeout(120_000);
    // An entity drawn in the window's network whose 2-hop neighbourhood adds entities to its 1-hop
    // one (a hub's fills the API's limit with its own events first), the first such by rank.
    const drawn = WindowNetwork.parse(await (await request.get(`/api/cases/${CASE_ID}/network`)).json()).graph.nodes;
    const hood = async (id: string, hops: 1 | 2) =>
      Neighbourhood.parse(await (await request.get(`/api/entities/${id}/neighbourhood?hops=${hops}`)).json()).graph.nodes.map((n) => n.id);
    let found: { top: (typeof drawn)[number]; oneIds: string[]; twoIds: string[] } | null = null;
    for (const candidate of drawn.slice(50)) {
      const oneIds = (await hood(candidate.id, 1)).sort();
      const twoIds = [...new Set([...oneIds, ...(await hood(candidate.id, 2))])].sort();
      if (oneIds.length > 1 && twoIds.length > oneIds.length) {
        found = { top: candidate, oneIds, twoIds };
        break;
      }
    }
    if (!found) throw new Error('no drawn entity whose 2-hop neighbourhood adds entities');
    const { top, oneIds, twoIds } = found;
    // Not the window's 300: the focus must show what the neighbourhood holds.
    expect(oneIds.length).not.toBe(300);

    await page.goto(`/cases/${CASE_ID}?sel=${top.id}`);
    await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) === 300, null, { timeout: 30_000 });
    await expect(page.getByTestId('net-focus-status')).toContainText("The window's network. Focus the network on the selected entity");
    await page.getByRole('button', { name: `Focus network on ${top.name}` }).click();
    await expect.poll(() => cyIds(page, 'node'), { timeout: 30_000 }).toEqual(oneIds);
    await expect(page.getByTestId('net-focus-status')).toContainText(`Focused on ${top.name}: ${oneIds.length} entities`);
    await expect(page.getByTestId('window-network-note')).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('focus')).toBe(top.id);

    await page.getByRole('button', { name: `Expand ${top.name}: 2 hops` }).click();
    await expect.poll(() => cyIds(page, 'node'), { timeout: 30_000 }).toEqual(twoIds);
    await expect.poll(() => new URL(page.url()).searchParams.getAll('expand')).toEqual([`${top.id}:2`]);
    expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);

    // A shared link opens the same focus; "Show the window's network" goes back to the window's 300.
    await page.reload();
    await expect.poll(() => cyIds(page, 'node'), { timeout: 30_000 }).toEqual(twoIds);
    await page.getByRole('button', { name: "Show the window's network" }).click();
    await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) === 300, null, { timeout: 30_000 });
    await expect.poll(() => new URL(page.url()).searchParams.has('focus')).toBe(false);
  });
  test('embedding a large case: a bounded live embed (counts per period, or the events of a short window), no pinned version or picture', async ({ page, request }) => {
    test.setTimeout(120_000);
    // The whole case: counts per period that add up to every event, each a link into the case page.
    const res = await request.get(`/embed/cases/${CASE_ID}`);
    expect(res.status()).toBe(200);
    const html = await res.text();
    // Bounded: the embed of the 10,000-event case was 33 MB before (every event and quote).
    expect(html.length).toBeLessThan(150_000);
    await page.goto(`/embed/cases/${CASE_ID}`);
    const list = page.locator('.tw-embed-list');
    await expect(list.getByRole('heading', { level: 2 })).toHaveText(`${EVENTS.toLocaleString('en')} events, counted per period (${await list.locator('li').count()} periods)`);
    const counts = await list.locator('li').evaluateAll((els) => els.map((el) => Number(/: ([\d,]+) events?/.exec(el.textContent ?? '')![1]!.replace(/,/g, ''))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(EVENTS);
    const period = new URL((await list.locator('li a').first().getAttribute('href'))!);
    expect(period.pathname).toBe(`/cases/${CASE_ID}`);
    expect(period.searchParams.get('from')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    await expect(page.getByTestId('embed-credit')).toContainText(/and [\d,]+ more, listed on Timeweave/);
    expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);

    // A day's window: its events one by one, each linking to its sources on the case page.
    const { url, events: dayEvents } = await quietDay(request);
    const window = new URL(url, 'http://x').searchParams;
    await page.goto(`/embed/cases/${CASE_ID}?from=${window.get('from')}&to=${window.get('to')}&focus=${dayEvents[0]!.id}`);
    await expect(list.locator('li')).toHaveCount(dayEvents.length);
    const first = new URL((await list.locator('li a').first().getAttribute('href'))!);
    expect(first.searchParams.get('sel')).toBe(dayEvents[0]!.id);
    // The embed's highlighted event is marked in the list.
    await expect(list.locator('li[aria-current="true"]')).toHaveCount(1);
    await expect(list.locator('li[aria-current="true"] a')).toHaveText(dayEvents[0]!.title);
    // Its status filter applies (the window's count drops by the hidden events) and is said in words.
    await page.goto(`/embed/cases/${CASE_ID}?hideStatus=alleged`);
    await expect(page.getByTestId('embed-hidden')).toHaveText('Not shown: events alleged (the embed’s filter).');
    const shown = await list.locator('li').evaluateAll((els) => els.reduce((n, el) => n + Number(/: ([\d,]+) events?/.exec(el.textContent ?? '')![1]!.replace(/,/g, '')), 0));
    const alleged = EventFacets.parse(await (await request.get(`/api/cases/${CASE_ID}/facets`)).json()).entries.filter((e) => e.status === 'alleged').reduce((n, e) => n + e.count, 0);
    expect(shown).toBe(EVENTS - alleged);

    // What would read the whole case is refused with a reason, and the Embed dialog says so.
    for (const path of ['version', 'snapshot?format=svg', 'graph']) {
      const refused = await request.get(`/api/cases/${CASE_ID}/${path}`);
      expect(refused.status(), path).toBe(422);
      expect(((await refused.json()) as { message: string }).message).toContain(`holds ${EVENTS.toLocaleString('en')} events`);
    }
    const listed = (await (await request.get(`/api/cases/${CASE_ID}/publications`)).json()) as { live: string | null };
    expect(listed.live).toBeNull();
    // Publishing too, refused before the bundle is read (an editor, signed in with the CSRF token).
    const signedIn = await request.post('/api/auth/sign-in', { data: TEST_EDITOR });
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const published = await request.post(`/api/cases/${CASE_ID}/publications`, { headers: { 'x-csrf-token': csrfToken } });
    expect(published.status()).toBe(422);
    expect(((await published.json()) as { message: string }).message).toContain(`holds ${EVENTS.toLocaleString('en')} events, and a published version`);
    await request.post('/api/auth/sign-out', { headers: { 'x-csrf-token': csrfToken } });
    await page.goto(`/cases/${CASE_ID}`);
    await page.getByRole('button', { name: /^Embed/ }).click();
    await expect(page.getByTestId('embed-live-only')).toBeVisible();
    await expect(page.getByTestId('snapshot-timeline-png')).toHaveCount(0);
    await expect(page.getByTestId('embed-publish')).toHaveCount(0);
  });
  test('stories of a large case: listed from its summary; presenting and editing say why they are not offered', async ({ page }) => {
    test.setTimeout(120_000);
    createOneStepStory(CASE_ID, 'large-walk');
    const why = `This case holds ${EVENTS.toLocaleString('en')} events.`;
    await page.goto(`/cases/${CASE_ID}/stories`);
    await expect(page.getByRole('heading', { level: 2, name: 'A walk through the case' })).toBeVisible();
    await expect(page.getByTestId('too-large')).toContainText(`${why} Stories are made for cases of up to 2,000 events`);
    // No way to start a story that could not be presented (the editor's banner is gone too).
    await expect(page.getByText('Writing and editing stories needs an editor account')).toHaveCount(0);
    for (const [path, what] of [
      [`/present/${CASE_ID}/large-walk`, 'Presentations'],
      [`/cases/${CASE_ID}/stories/large-walk/edit`, 'Story editors'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByTestId('too-large'), path).toContainText(`${why} ${what} are made for cases`);
      await expect(page.getByRole('link', { name: 'Explore it on its case page' })).toHaveAttribute('href', `/cases/${CASE_ID}`);
    }
    expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  });
});
