import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_EDITOR } from '../fixtures/accounts';

/**
 * Add an article through the review screen: paste, read, review (reject one proposal, edit a
 * title), commit, and find the event on the case page. Runs against the ingest-e2e fixture case
 * (tests/fixtures/cases/ingest-e2e), which the test runner reloads, and so resets, before each run.
 */
const CASE = 'ingest-e2e';
const ARTICLE = `Titre: L'OTSC achève son retrait
Média: Le Courrier des steppes
Date: 2022-01-19

Les derniers soldats de l'OTSC ont quitté le Kazakhstan mercredi 19 janvier, a annoncé le ministère russe de la Défense.

Selon des sources anonymes, des armes auraient disparu d'un entrepôt militaire d'Almaty lundi soir.

Le président Tokaïev a rencontré jeudi des représentants de l'opposition à Nour-Soultan.

Stanislav Zas, secrétaire général de l'OTSC, a salué jeudi la fin de la mission.`;

test.describe('ingest review screen', () => {
  // Ingesting is an editor's job: sign in through the browser context, so its pages carry the cookie.
  test.beforeEach(async ({ page }) => {
    expect((await page.request.post('/api/auth/sign-in', { data: TEST_EDITOR })).status()).toBe(200);
  });

  test('paste an article, review, commit, and see the event on the case page', async ({ page, request }) => {
    await page.goto(`/cases/${CASE}/ingest`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add an article');
    await page.getByLabel('Article text (plain text, Markdown or HTML)').fill(ARTICLE);
    await page.getByRole('button', { name: 'Read the article' }).click();

    const events = page.getByTestId('event-proposal');
    await expect(events.first()).toBeVisible();
    await expect(page.getByLabel('Publisher')).toHaveValue('Le Courrier des steppes');
    // The hedged claim is proposed as alleged, never as fact.
    const weapons = events.filter({ hasText: 'des armes auraient disparu' });
    await expect(weapons.getByLabel('Status')).toHaveValue('alleged');
    // Hovering a proposal highlights its quote in the text.
    await weapons.hover();
    await expect(page.locator('mark')).toContainText('des armes auraient disparu');
    // Tokaïev is linked to the existing Tokayev, not proposed as someone new.
    await expect(page.getByTestId('entity-proposal').filter({ hasText: 'Existing person: Kassym-Jomart Tokayev' })).toBeVisible();

    const withdrawal = events.filter({ hasText: 'Les derniers soldats' });
    await withdrawal.getByLabel('Title').fill('Last CSTO troops leave Kazakhstan');
    const meeting = events.filter({ hasText: 'rencontré jeudi' });
    await meeting.getByRole('radio', { name: 'Reject' }).check();

    // A relationship read from a clear pattern is proposed with its quote, and reviewable.
    const relation = page.getByTestId('relation-proposal').filter({ hasText: /Stanislav Zas — leads — / });
    await expect(relation).toBeVisible();
    await relation.hover();
    await expect(page.locator('mark')).toContainText('secrétaire général de');
    await expect(relation.getByRole('radio', { name: 'Accept' })).toBeChecked();

    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByRole('button', { name: /^Commit \d+ event\(s\)$/ }).click();
    await expect(page.getByRole('status')).toContainText('Committed');
    // Written in the same transaction as the events.
    await expect(page.getByRole('status')).toContainText('1 relationship(s)');

    await page.getByRole('link', { name: 'Back to the case' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ingest end-to-end fixture');
    await expect(page.getByText('Last CSTO troops leave Kazakhstan').first()).toBeVisible();
    const list = (await (await request.get(`/api/cases/${CASE}/events`)).json()) as { events: Array<{ title: string; status: string }> };
    const titles = list.events.map((e) => e.title);
    expect(titles).toContain('Last CSTO troops leave Kazakhstan');
    expect(titles.some((t) => t.includes('rencontré'))).toBe(false);
    expect(list.events.find((e) => e.title.includes('armes'))?.status).toBe('alleged');

    // The same article again: nothing changes, and the page says so.
    await page.goto(`/cases/${CASE}/ingest`);
    await page.getByLabel('Article text (plain text, Markdown or HTML)').fill(ARTICLE);
    await page.getByRole('button', { name: 'Read the article' }).click();
    await expect(page.getByRole('note')).toContainText('already in the case');
  });

  test('a PDF upload is read into proposals like any text', async ({ page }) => {
    await page.goto(`/cases/${CASE}/ingest`);
    await page.getByLabel(/Or upload a file/).setInputFiles(path.resolve(__dirname, '../fixtures/ingest/bulletin.pdf'));
    await page.getByRole('button', { name: 'Read the article' }).click();
    await expect(page.getByTestId('event-proposal').filter({ hasText: 'La capitainerie de Sète a fermé les quais' })).toBeVisible();
    await expect(page.getByLabel('Title', { exact: true }).first()).toHaveValue('Tempête sur le port de Sète : les quais fermés');
    await expect(page.getByRole('list', { name: 'Warnings' })).toContainText('Read from a PDF (2 page(s))');
  });

  test('bad input gets a clear message and writes nothing', async ({ request }) => {
    const anonymous = await request.post('/api/ingest', { data: { caseId: CASE, text: 'Le 5 janvier, rien.' } });
    expect(anonymous.status()).toBe(401);
    const signIn = await request.post('/api/auth/sign-in', { data: TEST_EDITOR });
    const headers = { 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken };
    const before = await (await request.get(`/api/cases/${CASE}/events`)).json();
    const empty = await request.post('/api/ingest', { headers, data: { caseId: CASE, text: '   ' } });
    expect(empty.status()).toBe(422);
    expect((await empty.json()).message).toMatch(/empty/);
    const scripts = await request.post('/api/ingest', { headers, data: { caseId: CASE, text: '<html><body><script>alert(1)</script></body></html>' } });
    expect(scripts.status()).toBe(422);
    const privateUrl = await request.post('/api/ingest', { headers, data: { caseId: CASE, url: 'http://10.0.0.1/admin' } });
    expect(privateUrl.status()).toBe(422);
    expect((await privateUrl.json()).message).toMatch(/private|not public/);
    const big = await request.post('/api/ingest', { headers, multipart: { caseId: CASE, file: { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(7 * 1024 * 1024, 0x61) } } });
    expect(big.status()).toBe(413);
    const binary = await request.post('/api/ingest', { headers, multipart: { caseId: CASE, file: { name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) } } });
    expect(binary.status()).toBe(422);
    const commit = await request.post('/api/ingest/commit', { headers, data: { document: { nope: true }, decisions: {} } });
    expect(commit.status()).toBe(400);
    expect(await (await request.get(`/api/cases/${CASE}/events`)).json()).toEqual(before);
  });
});
