import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * The network's views and focus mode: co-participation and bipartite views, focus on an entity,
 * expand and collapse from the neighbourhood API, a layout that keeps drawn nodes still, all of
 * it in the URL, and operable by keyboard. Runs against the sample case.
 */
const CASE_URL = '/cases/kazakhstan-2022-01';
const timeline = (page: Page) => page.getByTestId('timeline');

async function openCase(page: Page, query = '') {
  await page.goto(`${CASE_URL}${query}`);
  await expect(timeline(page).locator('.vis-item').first()).toBeVisible();
  await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) > 0);
}

const nodeIds = (page: Page, selector = '') =>
  page.evaluate((s) => (s ? window.__twCy?.nodes(s) : window.__twCy?.nodes())?.map((n) => n.id()).sort() ?? [], selector);
/** Entity nodes only (cytoscape selectors have no :not(.class)). */
const entityIds = (page: Page) => page.evaluate(() => window.__twCy?.nodes().filter((n) => !n.hasClass('event')).map((n) => n.id()).sort() ?? []);
const labelsOf = (page: Page, selector: string) => page.evaluate((s) => window.__twCy?.nodes(s).map((n) => String(n.data('label'))).sort() ?? [], selector);
const idByName = (page: Page, name: string) =>
  page.evaluate((n) => window.__twCy?.nodes().filter((x) => x.data('label') === n).map((x) => x.id())[0] ?? null, name);
const positions = (page: Page) =>
  page.evaluate(() => Object.fromEntries(window.__twCy?.nodes().map((n) => [n.id(), { ...n.position() }]) ?? []) as Record<string, { x: number; y: number }>);

/**
 * Positions once no layout is moving anything (two reads 250 ms apart agree): the reference a
 * stability check compares against must not be taken mid-animation of an earlier change.
 */
async function settledPositions(page: Page) {
  let last = await positions(page);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const now = await positions(page);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  throw new Error('the network never settled');
}

/** Every node of `before` still drawn is within 2 px of where it was. */
function expectStill(before: Record<string, { x: number; y: number }>, after: Record<string, { x: number; y: number }>) {
  const moved = Object.entries(before)
    .filter(([id]) => after[id])
    .filter(([id, p]) => Math.hypot(p.x - after[id]!.x, p.y - after[id]!.y) > 2)
    .map(([id, p]) => `${id}: ${p.x.toFixed(1)},${p.y.toFixed(1)} → ${after[id]!.x.toFixed(1)},${after[id]!.y.toFixed(1)}`);
  expect(moved).toEqual([]);
}

async function neighbourhood(page: Page, id: string, hops: 1 | 2) {
  const res = await page.request.get(`/api/entities/${id}/neighbourhood?hops=${hops}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { graph: { nodes: Array<{ id: string }> }; eventIds: string[]; truncated: boolean };
}

/** Clicks a node where it is drawn on the canvas, as a user would. */
async function clickNode(page: Page, id: string) {
  await page.getByTestId('network').scrollIntoViewIfNeeded();
  await page.evaluate((nodeId) => {
    const cy = window.__twCy!;
    cy.center(cy.getElementById(nodeId));
  }, id);
  const point = await page.evaluate((nodeId) => {
    const cy = window.__twCy!;
    const p = cy.getElementById(nodeId).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

async function selectInList(page: Page, name: string) {
  const list = page.getByTestId('network-list');
  if (!(await list.evaluate((el) => (el as HTMLDetailsElement).open))) await list.locator('summary').click();
  await list.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(page.locator('#tw-details').getByRole('heading', { level: 3 })).toHaveText(name);
}

test.describe('network views', () => {
  test('bipartite: one node per visible event, with its status; selecting one selects it on the timeline; and back', async ({ page }) => {
    await openCase(page);
    const entities = await nodeIds(page);
    expect(await nodeIds(page, '.event')).toEqual([]);
    expect(await page.evaluate(() => window.__twCy?.edges('.coparticipation').length)).toBeGreaterThan(0);

    await page.getByLabel('Entities and events').check();
    await expect(page).toHaveURL(/[?&]net=bipartite/);
    const visibleEvents = await page.locator('ol[aria-label="Events in date order"] li').count();
    expect(visibleEvents).toBe(13);
    await expect.poll(() => nodeIds(page, '.event').then((x) => x.length)).toBe(visibleEvents);
    expect(await labelsOf(page, '.event.status-alleged')).toContain('? ALLEGED: Alleged attack on a US-linked biological laboratory near Almaty');
    // The text alternative follows the view.
    await expect(page.getByTestId('network-list').locator('summary')).toContainText(`${entities.length} entities, 13 events`);

    const meeting = (await page.evaluate(() => window.__twCy?.nodes('.event').filter((n) => String(n.data('label')).startsWith('Tokayev meets')).map((n) => n.id())[0]))!;
    await clickNode(page, meeting);
    await expect(timeline(page).locator('.vis-item.tw-selected:not(.vis-dot)')).toContainText('Tokayev meets CSTO Secretary General Zas');
    await expect(page).toHaveURL(new RegExp(`sel=${meeting}`));
    await expect.poll(() => nodeIds(page, '.selected')).toEqual([meeting]);
    await expect.poll(() => labelsOf(page, '.highlighted')).toEqual(['Kassym-Jomart Tokayev', 'Stanislav Zas', 'Tokayev meets CSTO Secretary General Zas']);
    expect((await nodeIds(page, '.dimmed')).length).toBeGreaterThan(20);

    // Entities keep their places when events are drawn among them, and when they go again.
    const before = await settledPositions(page);
    await page.getByLabel('Entities (shared events as links)').check();
    await expect(page).not.toHaveURL(/net=/);
    await expect.poll(() => nodeIds(page, '.event')).toEqual([]);
    expectStill(before, await positions(page));
    // Still linked: the meeting's participants, with the event folded into their link.
    await expect.poll(() => labelsOf(page, '.highlighted')).toEqual(['Kassym-Jomart Tokayev', 'Stanislav Zas']);

    // Back and forward move between the views.
    await page.goBack();
    await expect(page).toHaveURL(/net=bipartite/);
    await expect.poll(() => nodeIds(page, '.event').then((x) => x.length)).toBe(13);
  });

  test('focus, expand, collapse: from the API, with drawn nodes kept still; reload restores it', async ({ page }) => {
    await openCase(page);
    const zas = (await idByName(page, 'Stanislav Zas'))!;
    const csto = (await idByName(page, 'Collective Security Treaty Organization'))!;

    // A window change moves no node (it only changes which relationships are drawn).
    let before = await settledPositions(page);
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await expect(page).toHaveURL(/from=/);
    await page.waitForTimeout(500);
    expectStill(before, await positions(page));
    await page.getByRole('button', { name: 'Whole case', exact: true }).click();

    await selectInList(page, 'Stanislav Zas');
    await page.getByRole('button', { name: 'Focus network on Stanislav Zas' }).click();
    await expect(page).toHaveURL(new RegExp(`focus=${zas}`));
    const hood = await neighbourhood(page, zas, 1);
    await expect.poll(() => nodeIds(page)).toEqual(hood.graph.nodes.map((n) => n.id).sort());
    await expect(page.getByTestId('net-focus-status')).toContainText(`Focused on Stanislav Zas: ${hood.graph.nodes.length} entities`);
    await expect(page.getByTestId('network-list').locator('summary')).toContainText(`${hood.graph.nodes.length} entities`);

    // Expand CSTO by one hop: exactly what the API answers and was not drawn is added.
    const focused = await nodeIds(page);
    before = await settledPositions(page);
    await selectInList(page, 'Collective Security Treaty Organization');
    await page.getByRole('button', { name: 'Expand Collective Security Treaty Organization: 1 hop' }).click();
    await expect(page).toHaveURL(new RegExp(`expand=${csto}%3A1`));
    const more = await neighbourhood(page, csto, 1);
    const expected = [...new Set([...focused, ...more.graph.nodes.map((n) => n.id)])].sort();
    expect(expected.length).toBeGreaterThan(focused.length);
    await expect.poll(() => nodeIds(page)).toEqual(expected);
    await page.waitForTimeout(800); // an incremental layout may animate new nodes; old ones must not move at all
    expectStill(before, await positions(page));

    // Reload: view and focus come back.
    await page.getByLabel('Entities and events').check();
    await expect(page).toHaveURL(/net=bipartite/);
    const url = page.url();
    await page.reload();
    await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) > 0);
    expect(page.url()).toBe(url);
    await expect(page.getByLabel('Entities and events')).toBeChecked();
    const eventsInReach = [...new Set([...hood.eventIds, ...more.eventIds])].sort();
    await expect.poll(() => entityIds(page)).toEqual(expected);
    await expect.poll(() => nodeIds(page, '.event')).toEqual(eventsInReach);
    await page.getByLabel('Entities (shared events as links)').check();

    // Collapse: back to the focused set, and what stays does not move.
    before = await settledPositions(page);
    await page.getByRole('button', { name: /^Collapse Collective Security Treaty Organization/ }).click();
    await expect.poll(() => nodeIds(page)).toEqual(focused);
    expectStill(before, await positions(page));
    await expect(page).not.toHaveURL(/expand=/);

    // Show whole case: every entity again.
    await page.getByRole('button', { name: 'Show whole case' }).click();
    await expect(page).not.toHaveURL(/focus=/);
    await expect.poll(() => nodeIds(page).then((x) => x.length)).toBe(22);
  });

  test('the new controls work from the keyboard alone', async ({ page }) => {
    await openCase(page);
    const zas = (await idByName(page, 'Stanislav Zas'))!;
    // The view switch is a radio group: arrow keys move the choice.
    await page.getByLabel('Entities (shared events as links)').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/net=bipartite/);
    await expect.poll(() => nodeIds(page, '.event').then((x) => x.length)).toBe(13);

    // Select through the text alternative, then focus and expand with Tab and Enter.
    const list = page.getByTestId('network-list');
    await list.locator('summary').focus();
    await page.keyboard.press('Enter');
    await list.getByRole('button', { name: /^Stanislav Zas/ }).focus();
    await page.keyboard.press('Enter');
    const focusButton = page.getByRole('button', { name: 'Focus network on Stanislav Zas' });
    await focusButton.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`focus=${zas}`));
    const hood = await neighbourhood(page, zas, 1);
    await expect.poll(() => entityIds(page)).toEqual(hood.graph.nodes.map((n) => n.id).sort());
    await expect.poll(() => nodeIds(page, '.event')).toEqual([...hood.eventIds].sort());

    const expand2 = page.getByRole('button', { name: 'Expand Stanislav Zas: 2 hops' });
    await expand2.focus();
    await page.keyboard.press('Enter');
    await expect(expand2).toHaveAttribute('aria-pressed', 'true');
    const two = await neighbourhood(page, zas, 2);
    await expect.poll(() => entityIds(page)).toEqual(two.graph.nodes.map((n) => n.id).sort());
    await page.keyboard.press('Tab'); // the next control is Collapse
    await expect(page.getByRole('button', { name: /^Collapse Stanislav Zas/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => entityIds(page)).toEqual(hood.graph.nodes.map((n) => n.id).sort());

    const whole = page.getByRole('button', { name: 'Show whole case' });
    await whole.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => entityIds(page).then((x) => x.length)).toBe(22);
  });

  test('the neighbourhood API is bounded and says when it cut the answer', async ({ page }) => {
    await openCase(page);
    const zas = (await idByName(page, 'Stanislav Zas'))!;
    expect((await page.request.get(`/api/entities/${zas}/neighbourhood?limit=0`)).status()).toBe(400);
    expect((await page.request.get(`/api/entities/${zas}/neighbourhood?limit=501`)).status()).toBe(400);
    const cut = (await (await page.request.get(`/api/entities/${zas}/neighbourhood?hops=2&limit=2`)).json()) as {
      graph: { nodes: unknown[] };
      eventIds: unknown[];
      truncated: boolean;
      limit: number;
    };
    expect(cut.truncated).toBe(true);
    expect(cut.limit).toBe(2);
    expect(cut.graph.nodes.length - 1 + cut.eventIds.length).toBe(2);
  });

  test('no axe violations in either view or in focus mode', async ({ page }) => {
    const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    await openCase(page, '?net=bipartite');
    await page.getByTestId('network-list').locator('summary').click();
    expect((await axe()).violations).toEqual([]);
    await selectInList(page, 'Stanislav Zas');
    await page.getByRole('button', { name: 'Focus network on Stanislav Zas' }).click();
    await expect(page.getByTestId('net-focus-status')).toContainText('Focused on Stanislav Zas');
    expect((await axe()).violations).toEqual([]);
  });

  for (const width of [390, 1280]) {
    test(`screenshots at ${width} px, both views`, async ({ page }, info) => {
      await page.setViewportSize({ width, height: 900 });
      for (const net of ['coparticipation', 'bipartite']) {
        await openCase(page, net === 'bipartite' ? '?net=bipartite' : '');
        await page.waitForTimeout(800);
        const section = page.locator('section[aria-labelledby="tw-network-heading"]');
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: info.outputPath(`network-${net}-${width}.png`) });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }
      // Focus mode with an expansion, and its controls.
      await selectInList(page, 'Stanislav Zas');
      await page.getByRole('button', { name: 'Focus network on Stanislav Zas' }).click();
      await page.getByRole('button', { name: 'Expand Stanislav Zas: 1 hop' }).click();
      await expect(page.getByTestId('net-focus-status')).toContainText('1 expansion');
      await page.waitForTimeout(800);
      await page.locator('section[aria-labelledby="tw-network-heading"]').screenshot({ path: info.outputPath(`network-focus-${width}.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    });
  }
});
