import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { TEST_EDITOR } from '../fixtures/accounts';

/**
 * Issues 6 and 8: an editor writes a story in the browser (steps added, reordered with the
 * keyboard, saved in one PUT), the presentation walks it in the new order, a second editor
 * working from an older version is told and can reload, and a visitor gets no edit controls.
 */
const CASE = 'kazakhstan-2022-01';
const suffix = randomBytes(3).toString('hex');
const STORY = `e2e-story-${suffix}`;
const EDIT_URL = `/cases/${CASE}/stories/${STORY}/edit`;
const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

async function signIn(page: Page) {
  expect((await page.request.post('/api/auth/sign-in', { data: TEST_EDITOR })).status()).toBe(200);
}

const steps = (page: Page) => page.getByTestId('step');
const stepTitles = async (page: Page) => steps(page).locator('h3').allTextContents();

test.describe.serial('story authoring', () => {
  test.afterAll(async ({ request }) => {
    const signedIn = await request.post('/api/auth/sign-in', { data: TEST_EDITOR });
    const headers = { 'x-csrf-token': ((await signedIn.json()) as { csrfToken: string }).csrfToken };
    await request.delete(`/api/cases/${CASE}/stories/${STORY}`, { headers });
  });

  test('an editor creates a story of three steps, reorders them with the keyboard, saves, and presents them in the new order', async ({ page }) => {
    await signIn(page);
    await page.goto(`/cases/${CASE}`);
    await page.getByRole('link', { name: 'Stories', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stories');
    await expect(page.getByRole('link', { name: /^Edit: Kazakhstan, January 2022/ })).toBeVisible();

    await page.getByLabel('Title', { exact: true }).fill(`E2E story ${suffix}`);
    await page.getByLabel('Id in the address (optional)').fill(STORY);
    await page.getByRole('button', { name: 'Create and edit' }).click();
    await expect(page).toHaveURL(new RegExp(`${EDIT_URL}$`));
    await expect(page.getByTestId('story-editor')).toHaveAttribute('data-hydrated', 'true');
    await expect(page.getByLabel('Story title', { exact: true })).toHaveValue(`E2E story ${suffix}`);

    // Step 1: title, narrative, window, an event in focus, then one of that event's citations.
    const first = steps(page).nth(0);
    await first.getByLabel('Step title', { exact: true }).fill('Alpha');
    await first.getByLabel('Narrative', { exact: true }).fill('The CSTO is called in.');
    await first.getByLabel('From', { exact: true }).fill('2022-01-01');
    await first.getByLabel('To', { exact: true }).fill('2022-01-31');
    await first.getByLabel('Filter events', { exact: true }).fill('peacekeeping');
    await first.getByRole('checkbox', { name: /CSTO peacekeeping contingent deployed/ }).check();
    const citation = first.getByRole('group', { name: /Citations to show/ }).getByRole('checkbox').first();
    await citation.check();
    await expect(first.getByRole('group', { name: /Citations to show \(1 chosen\)/ })).toBeVisible();

    // Steps 2 and 3: "Add step" puts the focus in the new step's title.
    for (const [title, text] of [
      ['Beta', 'What the headline claims.'],
      ['Gamma', 'Who says the laboratory was attacked?'],
    ] as const) {
      await page.getByRole('button', { name: 'Add step' }).click();
      await expect(page.locator(':focus')).toHaveAttribute('data-action', 'title');
      await page.keyboard.type(title);
      await steps(page).last().getByLabel('Narrative', { exact: true }).fill(text);
    }
    expect(await stepTitles(page)).toEqual(['Step 1 of 3: Alpha', 'Step 2 of 3: Beta', 'Step 3 of 3: Gamma']);

    // Gamma to the top with the keyboard: focus follows the moved step.
    await steps(page).nth(2).getByRole('button', { name: /Move step 3 \(Gamma\) up/ }).focus();
    await page.keyboard.press('Enter');
    expect(await stepTitles(page)).toEqual(['Step 1 of 3: Alpha', 'Step 2 of 3: Gamma', 'Step 3 of 3: Beta']);
    await expect(page.locator(':focus')).toHaveAccessibleName('Move step 2 (Gamma) up');
    await page.keyboard.press('Enter');
    expect(await stepTitles(page)).toEqual(['Step 1 of 3: Gamma', 'Step 2 of 3: Alpha', 'Step 3 of 3: Beta']);
    // At the top "Move up" is disabled, so the focus lands on the same step's "Move down".
    await expect(page.locator(':focus')).toHaveAccessibleName('Move step 1 (Gamma) down');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, 'story-editor-1280.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'story-editor-390.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Save story' }).click();
    await expect(page.getByTestId('editor-status')).toContainText('Saved: version 2, 3 step(s).');

    await page.goto(`/present/${CASE}/${STORY}`);
    const progress = page.getByTestId('present-progress');
    await expect(progress).toHaveText('Step 1 of 3');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gamma');
    await page.keyboard.press('ArrowRight');
    await expect(progress).toHaveText('Step 2 of 3');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha');
    await expect(page.locator('.tw-present-citation')).toHaveCount(1);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beta');
  });

  test('a save from an older version is refused with a clear message and a way to reload', async ({ page, context }) => {
    await signIn(page);
    const other = await context.newPage();
    await page.goto(EDIT_URL);
    await expect(page.getByTestId('story-editor')).toHaveAttribute('data-hydrated', 'true');
    await other.goto(EDIT_URL);
    await expect(other.getByTestId('story-editor')).toHaveAttribute('data-hydrated', 'true');

    await page.getByLabel('Story title', { exact: true }).fill('Saved first');
    await page.getByRole('button', { name: 'Save story' }).click();
    await expect(page.getByTestId('editor-status')).toContainText('Saved: version 3');

    await steps(other).nth(0).getByLabel('Step title', { exact: true }).fill('Edited from version 2');
    await other.getByRole('button', { name: 'Save story' }).click();
    const conflict = other.getByTestId('conflict');
    await expect(conflict).toContainText('Someone else saved a newer version of this story');
    await expect(conflict).toContainText('version 3');
    await other.getByRole('button', { name: 'Reload the latest version' }).click();
    await expect(other.getByLabel('Story title', { exact: true })).toHaveValue('Saved first');
    await expect(steps(other).nth(0).getByLabel('Step title', { exact: true })).toHaveValue('Gamma');
    // From the reloaded version the save goes through.
    await steps(other).nth(0).getByLabel('Step title', { exact: true }).fill('Gamma, edited');
    await other.getByRole('button', { name: 'Save story' }).click();
    await expect(other.getByTestId('editor-status')).toContainText('Saved: version 4');
  });

  test('validation problems are shown next to their fields, and nothing is saved', async ({ page }) => {
    await signIn(page);
    await page.goto(EDIT_URL);
    await expect(page.getByTestId('story-editor')).toHaveAttribute('data-hydrated', 'true');
    await steps(page).nth(1).getByLabel('Narrative', { exact: true }).fill('');
    await steps(page).nth(2).getByLabel('From', { exact: true }).fill('2022-02-01');
    await page.getByRole('button', { name: 'Save story' }).click();
    await expect(page.getByTestId('editor-status')).toContainText('Not saved');
    await expect(steps(page).nth(1)).toContainText('write what the presenter says');
    await expect(steps(page).nth(2)).toContainText('give both dates of the window, or neither');
    await expect(steps(page).nth(1).getByLabel('Narrative', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('a visitor sees the stories read-only, without edit controls', async ({ browser }) => {
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    await page.goto(`/cases/${CASE}/stories`);
    await expect(page.getByRole('link', { name: /^Present/ }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: /^Edit: / })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'New story' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Sign in' }).last()).toBeVisible();
    await page.goto(EDIT_URL);
    await expect(page.getByRole('button', { name: 'Save story' })).toHaveCount(0);
    await expect(page.getByLabel('Story title', { exact: true })).toHaveCount(0);
    // And the API refuses a visitor's write.
    const res = await page.request.put(`/api/cases/${CASE}/stories/${STORY}`, { data: { expectedVersion: 4, title: 'x', steps: [] } });
    expect(res.status()).toBe(401);
    await visitor.close();
  });
});
