import { expect, test, type Page } from '@playwright/test';

/** Full-text search on the case page: the same entity in three scripts, accents ignored, results select. */
const CASE_URL = '/cases/kazakhstan-2022-01';

async function openCase(page: Page) {
  await page.goto(CASE_URL);
  await expect(page.getByTestId('timeline').locator('.vis-item').first()).toBeVisible();
  await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) > 0);
}

const selectedNodes = (page: Page) => page.evaluate(() => window.__twCy?.nodes('.selected').map((n) => String(n.data('label'))) ?? []);
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search names, events and quotes' });
const results = (page: Page) => page.getByRole('search').getByRole('list');

test.describe('search', () => {
  for (const q of ['CSTO', 'OTSC', 'ОДКБ']) {
    test(`"${q}" finds the CSTO; choosing it selects it in both views`, async ({ page }) => {
      await openCase(page);
      await searchBox(page).fill(q);
      const hit = results(page).getByRole('button', { name: /^Collective Security Treaty Organization/ });
      await expect(hit).toBeVisible();
      // The exact name comes first, before entities that merely mention it.
      await expect(results(page).getByRole('button').first()).toHaveAccessibleName(/^Collective Security Treaty Organization/);
      await hit.click();
      await expect(page.locator('#tw-details').getByRole('heading', { level: 3 })).toHaveText('Collective Security Treaty Organization');
      await expect.poll(() => selectedNodes(page)).toEqual(['Collective Security Treaty Organization']);
      await expect(page.getByTestId('timeline').locator('.vis-item', { hasText: 'Tokayev announces the end of the CSTO mission' })).toHaveClass(/tw-highlighted/);
    });
  }

  test('ignores accents and case, and is usable from the keyboard', async ({ page }) => {
    await openCase(page);
    await searchBox(page).fill('TOKAIEV');
    await expect(page.getByRole('search')).toContainText('Tokaïev');
    await searchBox(page).press('ArrowDown');
    const first = results(page).getByRole('button').first();
    await expect(first).toBeFocused();
    await expect(first).toHaveAccessibleName(/^Kassym-Jomart Tokayev/);
    await page.keyboard.press('Enter');
    await expect(page.locator('#tw-details').getByRole('heading', { level: 3 })).toHaveText('Kassym-Jomart Tokayev');
  });

  test('a quote found in the source selects the event it supports', async ({ page }) => {
    await openCase(page);
    await searchBox(page).fill('bactériologiques');
    const quote = results(page).getByRole('button', { name: /Quote in/ }).first();
    await expect(quote).toContainText('bactériologiques');
    await quote.click();
    await expect(page.getByTestId('timeline').locator('.vis-item.tw-selected:not(.vis-dot)')).toContainText('Headline claim');
  });

  test('query syntax is plain text: "*" finds nothing, and says so', async ({ page }) => {
    await openCase(page);
    await searchBox(page).fill('*');
    await expect(page.getByRole('search')).toContainText('Nothing found for “*”.');
    await searchBox(page).fill('csto)) OR name:*');
    await expect(page.getByRole('search').getByRole('status').or(page.getByRole('search').locator('.tw-search-status'))).not.toContainText('failed');
  });
});
