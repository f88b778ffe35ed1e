import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * The case page in a browser: the two views linked through one selection, the details panel with
 * the exact quotes, the text alternatives, and no axe violations. Runs against the sample case.
 */
const CASE_URL = '/cases/kazakhstan-2022-01';

async function openCase(page: Page) {
  await page.goto(CASE_URL);
  await expect(page.getByTestId('timeline').locator('.vis-item').first()).toBeVisible();
  await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) > 0);
}

const cyClasses = (page: Page, selector: string) =>
  page.evaluate((s) => window.__twCy?.nodes(s).map((n) => String(n.data('label'))).sort() ?? [], selector);

test.describe('case page', () => {
  test('the home page lists the case and links to it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Kazakhstan unrest, January 2022' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kazakhstan unrest, January 2022');
  });

  test('dates keep their precision and statuses show on the timeline', async ({ page }) => {
    await openCase(page);
    const headline = page.getByTestId('timeline').locator('.vis-item', { hasText: 'Headline claim' });
    await expect(headline).toHaveClass(/tw-status-alleged/);
    await expect(headline).toHaveClass(/tw-uncertain/);
    await expect(headline).toContainText('Jan 2022');
    await expect(headline).not.toContainText(/\d{1,2} Jan 2022/);
    await expect(page.getByTestId('timeline').locator('.vis-item', { hasText: 'Counter-terrorist operation' })).toHaveClass(/tw-uncertain/);
  });

  test('clicking an event shows its sources and highlights exactly its participants', async ({ page }) => {
    await openCase(page);
    await page.getByTestId('timeline').locator('.vis-item', { hasText: 'Tokayev meets CSTO Secretary General Zas' }).click();

    const details = page.locator('#tw-details');
    await expect(details.getByRole('heading', { level: 3 })).toHaveText('Tokayev meets CSTO Secretary General Zas');
    await expect(details).toContainText('12 Jan 2022');
    await expect(details).toContainText('Rests on a single source');
    await expect(details.locator('blockquote[lang="fr"]').first()).toContainText('Tokaïev');
    await expect(details.getByRole('link', { name: 'View in source' }).first()).toHaveAttribute('href', /^\/sources\/src_[0-9a-f]{16}#cit_[0-9a-f]{16}$/);

    await expect.poll(() => cyClasses(page, '.highlighted')).toEqual(['Kassym-Jomart Tokayev', 'Stanislav Zas']);
    expect((await cyClasses(page, '.dimmed')).length).toBeGreaterThan(10);
  });

  test('a participant button selects the entity; the timeline follows', async ({ page }) => {
    await openCase(page);
    await page.getByTestId('timeline').locator('.vis-item', { hasText: 'Tokayev meets CSTO Secretary General Zas' }).click();
    await page.locator('#tw-details').getByRole('button', { name: 'Stanislav Zas' }).click();
    await expect(page.locator('#tw-details').getByRole('heading', { level: 3 })).toHaveText('Stanislav Zas');
    await expect(page.getByTestId('timeline').locator('.vis-item', { hasText: 'Zas tells Interfax' })).toHaveClass(/tw-highlighted/);
    await expect(page.getByTestId('timeline').locator('.vis-item', { hasText: 'Headline claim' })).toHaveClass(/tw-dimmed/);
    await expect.poll(() => cyClasses(page, '.selected')).toEqual(['Stanislav Zas']);
  });

  test('the list views give keyboard access; Escape clears the selection', async ({ page }) => {
    await openCase(page);
    const list = page.locator('details.tw-listview').first();
    await list.locator('summary').focus();
    await page.keyboard.press('Enter');
    const button = list.getByRole('button', { name: /Alleged attack on a US-linked biological laboratory/ });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('#tw-details').getByRole('heading', { level: 3 })).toContainText('Alleged attack');
    await expect(page.locator('#tw-details')).toContainText('Partly rests on unnamed sources');
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('#tw-details')).toContainText('Select an event');
  });

  test('has no axe violations, before and after a selection', async ({ page }) => {
    await openCase(page);
    const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect((await axe()).violations).toEqual([]);
    await page.getByTestId('timeline').locator('.vis-item', { hasText: 'Tokayev meets CSTO Secretary General Zas' }).click();
    await expect(page.locator('#tw-details blockquote').first()).toBeAttached();
    expect((await axe()).violations).toEqual([]);
  });

  test('fits a 390 px phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openCase(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
