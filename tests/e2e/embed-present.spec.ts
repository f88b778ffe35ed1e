import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Issue 6, embeds and presentation mode: the embed inside an iframe on another origin, its text
 * list and credits without the canvases, the Embed dialog, and a story walked with the keyboard.
 */
const CASE_ID = 'kazakhstan-2022-01';
const PRESENT_URL = `/present/${CASE_ID}/established-vs-alleged`;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test.describe('embed', () => {
  test('serves the text list, quotes and credits without JavaScript', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
    const page = await context.newPage();
    const res = await page.goto(`/embed/cases/${CASE_ID}?focus=evt_37a7cedbbf53ed22`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['x-frame-options']).toBeUndefined();
    expect(res?.headers()['content-security-policy']).toMatch(/frame-ancestors \*/);
    const list = page.locator('.tw-embed-list');
    await expect(list.locator('li')).toHaveCount(13);
    const focused = list.locator('li[aria-current="true"]');
    await expect(focused).toContainText('Alleged attack on a US-linked biological laboratory');
    await expect(focused).toContainText('Status: Alleged');
    // Opened on the focused event: its quotes, translations and who asserts them.
    await expect(focused.locator('blockquote').first()).toBeVisible();
    await expect(focused).toContainText('certaines sources');
    await expect(focused).toContainText('Translation');
    await expect(page.getByTestId('embed-credit')).toContainText("Des substances bactériologiques subtilisées des laboratoires d'Almaty");
    await expect(page.getByTestId('embed-version')).toContainText('Live');
    await expect(page.locator('link[rel="alternate"][type="application/json+oembed"]')).toHaveCount(1);
    await context.close();
  });

  test('says honestly whether a pinned version still matches, and 404s a version never published', async ({ page, request }) => {
    const { version } = (await (await request.get(`/api/cases/${CASE_ID}/version`)).json()) as { version: string };
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    await page.goto(`/embed/cases/${CASE_ID}?version=${version}`);
    await expect(page.getByTestId('embed-version')).toContainText(`Pinned to version ${version}`);
    // A version that was never published (and is not the live content) is a clear 404.
    const res = await page.goto(`/embed/cases/${CASE_ID}?version=0000000000000000`);
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId('embed-not-found')).toContainText('never published');
  });

  test('answers 404 for an unknown case', async ({ page }) => {
    const res = await page.goto('/embed/cases/no-such-case');
    expect(res?.status()).toBe(404);
  });

  test('has no serious accessibility violations and fits a phone', async ({ page }) => {
    await page.goto(`/embed/cases/${CASE_ID}`);
    await expect(page.locator('.vis-timeline')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  test('the Embed dialog gives the iframe code and link for the current view', async ({ page }) => {
    await page.goto(`/cases/${CASE_ID}?sel=evt_dc7a9d29c4104738`);
    const opener = page.getByRole('button', { name: 'Embed', exact: true });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Embed this view' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('embed-code')).toBeFocused();
    await dialog.getByTestId('embed-view').selectOption('timeline');
    const code = await dialog.getByTestId('embed-code').inputValue();
    expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/cases\/kazakhstan-2022-01\?view=timeline&amp;focus=evt_dc7a9d29c4104738/);
    expect(code).toContain('title="');
    await expect(dialog.getByTestId('embed-link')).toHaveValue(/\/embed\/cases\/kazakhstan-2022-01\?view=timeline&focus=evt_dc7a9d29c4104738/);
    // Live by default; PNG and SVG downloads of the chosen view.
    await expect(dialog.getByTestId('embed-version-choice')).toHaveValue('');
    await expect(dialog.getByTestId('snapshot-timeline-png')).toHaveAttribute('href', /\/api\/cases\/kazakhstan-2022-01\/snapshot\?.*view=timeline.*format=png/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });
});

test.describe('presentation', () => {
  test('is walked with the keyboard, with the evidence one click away', async ({ page }) => {
    await page.goto(`/cases/${CASE_ID}`);
    await page.getByRole('link', { name: /^Present: / }).click();
    await expect(page).toHaveURL(new RegExp(`${PRESENT_URL}`));
    await expect(page.locator('.tw-site-header')).toHaveCount(0);
    const progress = page.getByTestId('present-progress');
    await expect(progress).toHaveText('Step 1 of 7');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unrest in Almaty');
    await expect(page.locator('.vis-timeline')).toBeVisible();

    await page.keyboard.press('ArrowRight');
    await expect(progress).toHaveText('Step 2 of 7');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The CSTO is called in');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(progress).toHaveText('Step 4 of 7');
    await page.keyboard.press('ArrowLeft');
    await expect(progress).toHaveText('Step 3 of 7');
    await expect(page).toHaveURL(/step=3$/);
    await page.keyboard.press('End');
    await expect(progress).toHaveText('Step 7 of 7');
    await expect(page.getByRole('button', { name: 'Next →' })).toBeDisabled();

    // The step's citations: reached by Tab, opened with Enter, quote, translation, speaker, source link.
    const evidence = page.locator('.tw-present-citation');
    await expect(evidence).toHaveCount(4);
    const summary = evidence.first().locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(evidence.first().locator('blockquote')).toBeVisible();
    await expect(evidence.first()).toContainText('Translation');
    await expect(evidence.first().getByRole('link')).toHaveAttribute('href', /^\/sources\/src_[0-9a-f]{16}#cit_[0-9a-f]{16}$/);
    // Keys typed while a <summary> has focus still move between steps.
    await page.keyboard.press('Home');
    await expect(progress).toHaveText('Step 1 of 7');

    // On-screen controls.
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(progress).toHaveText('Step 2 of 7');
  });

  test('opens at ?step=N and has no serious accessibility violations', async ({ page }) => {
    await page.goto(`${PRESENT_URL}?step=6`);
    await expect(page.getByTestId('present-progress')).toHaveText('Step 6 of 7');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who says the laboratory was attacked?');
    await expect(page.locator('.vis-timeline')).toBeVisible();
    await page.locator('.tw-present-citation summary').first().click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('fits a 390 px phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${PRESENT_URL}?step=2`);
    await expect(page.locator('.vis-timeline')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expect(page.getByRole('button', { name: 'Next →' })).toBeInViewport();
  });

  test('answers 404 for an unknown story', async ({ page }) => {
    const res = await page.goto(`/present/${CASE_ID}/no-such-story`);
    expect(res?.status()).toBe(404);
  });
});
