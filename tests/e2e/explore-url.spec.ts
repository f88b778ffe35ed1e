import { expect, test, type Page } from '@playwright/test';

/** Deep links: selection, window and lanes in the URL; reload restores; back/forward move between selections. */
const CASE_URL = '/cases/kazakhstan-2022-01';
const timeline = (page: Page) => page.getByTestId('timeline');
const detailsHeading = (page: Page) => page.locator('#tw-details').getByRole('heading', { level: 3 });

async function waitForViews(page: Page) {
  await expect(timeline(page).locator('.vis-item').first()).toBeVisible();
  await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) > 0);
}

test.describe('deep links', () => {
  test('the selection is in the URL and survives a reload', async ({ page }) => {
    await page.goto(CASE_URL);
    await waitForViews(page);
    await timeline(page).locator('.vis-item', { hasText: 'Tokayev meets CSTO Secretary General Zas' }).click();
    await expect(page).toHaveURL(/[?&]sel=evt_[0-9a-f]{16}/);
    await page.reload();
    await waitForViews(page);
    await expect(detailsHeading(page)).toHaveText('Tokayev meets CSTO Secretary General Zas');
    await expect(timeline(page).locator('.vis-item.tw-selected:not(.vis-dot)')).toContainText('Tokayev meets');
    await expect.poll(() => page.evaluate(() => window.__twCy?.nodes('.highlighted').map((n) => String(n.data('label'))).sort())).toEqual([
      'Kassym-Jomart Tokayev',
      'Stanislav Zas',
    ]);
  });

  test('back and forward move between selections', async ({ page }) => {
    await page.goto(CASE_URL);
    await waitForViews(page);
    await timeline(page).locator('.vis-item', { hasText: 'Tokayev meets CSTO Secretary General Zas' }).click();
    await expect(detailsHeading(page)).toHaveText('Tokayev meets CSTO Secretary General Zas');
    await page.locator('#tw-details').getByRole('button', { name: 'Stanislav Zas' }).click();
    await expect(detailsHeading(page)).toHaveText('Stanislav Zas');
    await expect(page).toHaveURL(/sel=ent_/);

    await page.goBack();
    await expect(page).toHaveURL(/sel=evt_/);
    await expect(detailsHeading(page)).toHaveText('Tokayev meets CSTO Secretary General Zas');
    await expect.poll(() => page.evaluate(() => window.__twCy?.nodes('.selected').length)).toBe(0);

    await page.goBack();
    await expect(page).not.toHaveURL(/sel=/);
    await expect(page.locator('#tw-details')).toContainText('Select an event');

    await page.goForward();
    await page.goForward();
    await expect(detailsHeading(page)).toHaveText('Stanislav Zas');
    await expect.poll(() => page.evaluate(() => window.__twCy?.nodes('.selected').map((n) => String(n.data('label'))))).toEqual(['Stanislav Zas']);
  });

  test('the visible window and the lanes are restored on reload', async ({ page }) => {
    await page.goto(CASE_URL);
    await waitForViews(page);
    await timeline(page).locator('.vis-item', { hasText: 'Tokayev meets CSTO Secretary General Zas' }).click();
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await expect(page).toHaveURL(/from=2022-01-12T\d\d%3A\d\d&to=2022-01-1[23]T/);
    await page.getByTestId('lanes').selectOption('status');
    await expect(page).toHaveURL(/lanes=status/);
    const url = page.url();

    await page.reload();
    await waitForViews(page);
    expect(page.url()).toBe(url);
    await expect(page.getByTestId('lanes')).toHaveValue('status');
    await expect(timeline(page).locator('.vis-label', { hasText: 'Reported' })).toBeVisible();
    // The one-day window around 12 January does not reach the 5 January storming.
    await expect(timeline(page).locator('.vis-item', { hasText: 'Tokayev meets' })).toBeVisible();
    await expect(timeline(page).locator('.vis-item', { hasText: 'administration building stormed' })).toHaveCount(0);
  });
});
