import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Filters hide the same things in both views, say how much is hidden, and live in the URL. */
const CASE_URL = '/cases/kazakhstan-2022-01';

async function openCase(page: Page, query = '') {
  await page.goto(`${CASE_URL}${query}`);
  await expect(page.getByTestId('timeline').locator('.vis-item').first()).toBeVisible();
  await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) > 0);
}

const nodeLabels = (page: Page) => page.evaluate(() => window.__twCy?.nodes().map((n) => String(n.data('label'))) ?? []);

test.describe('filters', () => {
  test('hiding alleged events removes them from the timeline and the list, and counts them', async ({ page }) => {
    await openCase(page);
    await page.locator('.tw-filters > summary').click();
    await page.getByRole('group', { name: 'Event status' }).getByRole('checkbox', { name: /Alleged/ }).uncheck();
    await expect(page.getByTestId('hidden-count')).toHaveText('(5 events hidden by filters)');
    await expect(page.getByTestId('timeline').locator('.vis-item.tw-status-alleged')).toHaveCount(0);
    await expect(page.getByTestId('timeline').locator('.vis-item', { hasText: 'Tokayev meets' })).toBeVisible();
    await expect(page.locator('.tw-listview summary').first()).toContainText('(8 events)');
    await expect(page).toHaveURL(/hideStatus=alleged/);
  });

  test('hiding places removes them from the network, keeps their events, and restores from the URL', async ({ page }) => {
    await openCase(page, '?hideType=place');
    await expect(page.getByTestId('hidden-count')).toContainText('8 entities and');
    await expect.poll(() => nodeLabels(page)).not.toContain('Kazakhstan');
    expect(await nodeLabels(page)).toContain('Kassym-Jomart Tokayev');
    await expect(page.getByTestId('timeline').locator('.vis-item:not(.vis-dot)')).toHaveCount(13);
    await page.locator('.tw-filters > summary').click();
    await expect(page.getByRole('group', { name: 'Entity type' }).getByRole('checkbox', { name: /Place/ })).not.toBeChecked();
    await page.getByRole('button', { name: 'Show everything' }).click();
    await expect.poll(() => nodeLabels(page)).toContain('Kazakhstan');
    await expect(page.getByTestId('hidden-count')).toHaveText('(everything shown)');
    await expect(page).not.toHaveURL(/hideType/);
  });

  test('the open filter panel has no axe violations', async ({ page }) => {
    await openCase(page);
    await page.locator('.tw-filters > summary').click();
    await page.getByRole('searchbox').fill('csto');
    await expect(page.getByRole('search').getByRole('list')).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
