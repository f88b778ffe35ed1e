import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { WindowNetwork } from '../../lib/api/large-case';
import { TEST_EDITOR } from '../fixtures/accounts';
import { deleteGeneratedCase, loadGeneratedCase } from './generated-case';

/**
 * Adding an article to a large case (over 2,000 events): the review page does not carry the
 * case's entities (100,000 at 1M events); "Same as" finds one by name through the case's search.
 * The case is generated into its own id for this file and deleted after it.
 */
const CASE_ID = 'e2e-ingest-large';
const ARTICLE = `Titre: L'OTSC achève son retrait
Média: Le Courrier des steppes
Date: 2022-01-19

Les derniers soldats de l'OTSC ont quitté le Kazakhstan mercredi 19 janvier, a annoncé le ministère russe de la Défense.

Stanislav Zas, secrétaire général de l'OTSC, a salué jeudi la fin de la mission.`;

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  loadGeneratedCase(CASE_ID, { events: 2_100, entities: 200, seed: 21, chunked: true });
});

test.afterAll(() => {
  deleteGeneratedCase(CASE_ID);
});

test.beforeEach(async ({ page }) => {
  expect((await page.request.post('/api/auth/sign-in', { data: TEST_EDITOR })).status()).toBe(200);
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a large case: the review page carries none of its entities, and "Same as" finds one by name', async ({ page }) => {
  test.setTimeout(120_000);
  const html = await (await page.request.get(`/cases/${CASE_ID}/ingest`)).text();
  // Before, every entity of the case was in the page (200 here) for a select of them all.
  expect(html.match(/ent_[0-9a-f]{16}/g) ?? []).toHaveLength(0);
  const target = WindowNetwork.parse(await (await page.request.get(`/api/cases/${CASE_ID}/network?limit=1`)).json()).graph.nodes[0]!;

  await page.goto(`/cases/${CASE_ID}/ingest`);
  await page.getByLabel('Article text (plain text, Markdown or HTML)').fill(ARTICLE);
  await page.getByRole('button', { name: 'Read the article' }).click();
  const card = page.getByTestId('entity-proposal').filter({ has: page.getByRole('radio', { name: 'Merge into…' }) }).first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  await card.getByRole('radio', { name: 'Merge into…' }).check();
  const select = card.getByLabel('Same as');
  await expect(select.locator('option')).toHaveText(['— type a name above —']);
  await card.getByRole('searchbox', { name: 'Find an entity of the case by name' }).fill(target.name);
  const option = select.locator('option', { hasText: new RegExp(`^${escapeRe(target.name)} \\(`) });
  await expect(option).toHaveCount(1, { timeout: 15_000 });
  await select.selectOption(target.id);
  await expect(select).toHaveValue(target.id);
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([]);
});
