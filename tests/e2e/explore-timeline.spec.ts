import { expect, test, type Page } from '@playwright/test';

/** The timeline: keyboard, readable labels, graph as of the window, hover previews, lanes. */
const CASE_URL = '/cases/kazakhstan-2022-01';
const timeline = (page: Page) => page.getByTestId('timeline');

async function openCase(page: Page, query = '', { eventsInView = true } = {}) {
  await page.goto(`${CASE_URL}${query}`);
  if (eventsInView) await expect(timeline(page).locator('.vis-item').first()).toBeVisible();
  await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) > 0);
}

const troopEdges = (page: Page) => page.evaluate(() => window.__twCy?.edges('.rel-contributes_troops_to').length ?? -1);

test.describe('timeline', () => {
  test('arrow keys move between events in date order; Enter selects', async ({ page }) => {
    await openCase(page);
    // The list view holds the same events in the same date order.
    const titles = await page.locator('ol[aria-label="Events in date order"] .tw-list-title').allTextContents();
    expect(titles).toHaveLength(13);
    await timeline(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('timeline-announcement')).toContainText(`Event 1 of 13: ${titles[0]}`);
    await expect(timeline(page).locator('.vis-item.tw-active')).toContainText(titles[0]!);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('timeline-announcement')).toContainText(`Event 3 of 13: ${titles[2]}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(page.locator('#tw-details').getByRole('heading', { level: 3 })).toHaveText(titles[1]!);
    await page.keyboard.press('End');
    await expect(page.getByTestId('timeline-announcement')).toContainText(`Event 13 of 13: ${titles[12]}`);
  });

  // Regression: a one-day approximate bar showed only "c." (label clipped to the bar, and the
  // fade mask on the whole item cut the text).
  test('labels of short range items are not clipped', async ({ page }) => {
    await openCase(page);
    const item = timeline(page).locator('.vis-item', { hasText: 'Counter-terrorist operation declared ended' });
    await expect(item).toHaveClass(/tw-uncertain/);
    const geometry = await item.evaluate((el) => {
      const title = el.querySelector('.tw-item-title')!;
      const frame = el.querySelector('.vis-item-overflow')!;
      return {
        itemWidth: el.getBoundingClientRect().width,
        titleRight: title.getBoundingClientRect().right,
        itemRight: el.getBoundingClientRect().right,
        frameOverflow: getComputedStyle(frame).overflow,
        itemMask: getComputedStyle(el).maskImage || getComputedStyle(el).webkitMaskImage,
      };
    });
    expect(geometry.titleRight).toBeGreaterThan(geometry.itemRight); // the label runs past the short bar…
    expect(geometry.frameOverflow).toBe('visible'); // …and is not cut off there
    expect(geometry.itemMask).toBe('none'); // the fade is on the strip only
  });

  test('the graph shows only relationships valid in the visible window', async ({ page }) => {
    await openCase(page);
    await expect.poll(() => troopEdges(page)).toBe(5);
    // Troops were contributed from January to 23 January 2022: a February window has none.
    await openCase(page, '?from=2022-02-05T00:00&to=2022-02-12T00:00', { eventsInView: false });
    await expect.poll(() => troopEdges(page)).toBe(0);
    await expect(page.getByTestId('window-outside')).toHaveText('5 relationships are outside the window');
    expect(await page.evaluate(() => window.__twCy?.edges('.rel-leads').length)).toBe(2); // timeless ones stay
    await page.getByRole('button', { name: 'Whole case' }).click();
    await expect.poll(() => troopEdges(page)).toBe(5);
    await expect(page.getByTestId('window-outside')).toHaveText('');
  });

  test('play steps the window through time', async ({ page }) => {
    await openCase(page, '?from=2022-01-01T00:00&to=2022-01-08T00:00');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page).not.toHaveURL(/from=2022-01-01T00%3A00/, { timeout: 10_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('hovering an event previews its participants in the network', async ({ page }) => {
    await openCase(page);
    await timeline(page).locator('.vis-item', { hasText: 'Tokayev meets CSTO Secretary General Zas' }).hover();
    await expect
      .poll(() => page.evaluate(() => window.__twCy?.nodes('.highlighted').map((n) => String(n.data('label'))).sort()))
      .toEqual(['Kassym-Jomart Tokayev', 'Stanislav Zas']);
  });

  test('lanes by main actor group events under their most involved actor', async ({ page }) => {
    await openCase(page, '?lanes=actor');
    await expect(timeline(page).locator('.vis-label', { hasText: 'Kassym-Jomart Tokayev' })).toBeVisible();
    await expect(timeline(page).locator('.vis-label', { hasText: 'No named actor' })).toBeVisible();
    await page.getByTestId('lanes').selectOption('none');
    await expect(timeline(page).locator('.vis-label', { hasText: 'Kassym-Jomart Tokayev' })).toHaveCount(0);
    await expect(timeline(page).locator('.vis-item:not(.vis-dot)')).toHaveCount(13);
  });
});
