import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/**
 * The source reader in a browser: from a citation on the case page, "View in source" lands on the
 * highlighted passage, scrolled into view, focused and flashed; the page shows metadata, page
 * furniture as not evidence, attribution chains and what each passage supports; no axe violations.
 */
const CASE_URL = '/cases/kazakhstan-2022-01';

test.describe('source reader', () => {
  test('opening a citation from the case page lands on the highlighted passage', async ({ page }) => {
    await page.goto(CASE_URL);
    await expect(page.getByTestId('timeline').locator('.vis-item').first()).toBeVisible();
    await page.getByTestId('timeline').locator('.vis-item', { hasText: 'Zas tells Interfax' }).click();
    const details = page.locator('#tw-details');
    await expect(details.getByRole('heading', { level: 3 })).toHaveText('Zas tells Interfax the CSTO mission is over');
    await expect(details.locator('.tw-chain').first()).toContainText('Interfax');
    await expect(details).toContainText('Status by the rules');

    const link = details.getByRole('link', { name: 'View in source' }).first();
    const href = (await link.getAttribute('href'))!;
    const citationId = href.split('#')[1]!;
    await link.click();

    await expect(page).toHaveURL(new RegExp(`/sources/src_[0-9a-f]{16}#${citationId}$`));
    const mark = page.locator(`mark#${citationId}`);
    await expect(mark).toContainText('sont maintenant terminées au Kazakhstan');
    await expect(mark).toBeInViewport();
    await expect(mark).toBeFocused();
    await expect(mark).toHaveClass(/tw-flash/);
    await expect(mark).toHaveAttribute('data-focused', 'true');
  });

  test('shows metadata, furniture as not evidence, chains and what each passage supports', async ({ page }) => {
    await page.goto(CASE_URL);
    const href = await page.getByRole('link', { name: /Des substances bactériologiques/ }).getAttribute('href');
    await page.goto(href!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Des substances bactériologiques subtilisées des laboratoires d'Almaty");
    const facts = page.locator('.tw-source-facts');
    await expect(facts).toContainText('Press TV (French service)');
    await expect(facts).toContainText(/sha256:[0-9a-f]{64}/);
    await expect(page.getByRole('note', { name: 'About this source' })).toContainText('state-owned');

    await expect(page.locator('.tw-furniture', { hasText: 'Partager Cet Article' })).toContainText('not evidence: share button');
    expect(await page.locator('mark[data-citations]').count()).toBeGreaterThanOrEqual(19);

    const evacuated = page.locator('.tw-passage-note', { hasText: 'aurait pu être évacué discrètement' });
    await expect(evacuated.locator('.tw-chain')).toHaveText(/Press TV \(French service\)\s*←.*Avia\.pro.*←.*unnamed sources/);
    await expect(evacuated.getByRole('link', { name: 'Equipment and materials said to be missing from the laboratory' })).toHaveAttribute(
      'href',
      /\/cases\/kazakhstan-2022-01\?sel=evt_[0-9a-f]{16}$/,
    );
    const headline = page.locator('.tw-passage-note', { hasText: 'Des substances bactériologiques' });
    await expect(headline).toContainText('Headline claim');
    await expect(headline.locator('.tw-badge')).toContainText('Alleged');

    // Keyboard: a note's "Show in text" moves focus to the passage.
    await headline.getByRole('link', { name: /Show in text/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('mark[data-citations]', { hasText: 'Des substances bactériologiques' })).toBeFocused();

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations).toEqual([]);
  });

  test('respects reduced motion: a steady outline, no flashing animation', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(CASE_URL);
    const href = (await page.getByRole('link', { name: /Des substances bactériologiques/ }).getAttribute('href'))!;
    await page.goto(href);
    const first = page.locator('mark[data-citations]').first();
    const id = (await first.getAttribute('id'))!;
    await page.goto(`${href}#${id}`);
    // The steady outline (CSS :target, so it does not depend on when hydration runs), never an animation.
    await expect(first).toHaveCSS('outline-style', 'solid');
    expect(await first.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  });

  test('an unknown source is a 404 page', async ({ page }) => {
    const res = await page.goto('/sources/src_0000000000000000');
    expect(res?.status()).toBe(404);
  });
});
