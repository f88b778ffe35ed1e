import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TEST_EDITOR } from '../fixtures/accounts';

/**
 * Issue 6: an embed pinned to a published version keeps showing what was published after the
 * case is edited, while the live embed shows the edit; static PNG/SVG snapshots of a view. Uses the
 * publish-probe fixture case (reloaded with its file's statuses before every run), never the
 * sample case other specs read.
 */
const CASE = 'publish-probe';
const HARBOUR = 'Harbour closed after the storm';
const FERRY = 'Ferry said to have sunk near the breakwater';

async function editorHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const res = await request.post('/api/auth/sign-in', { data: TEST_EDITOR });
  expect(res.status()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { 'x-csrf-token': csrfToken };
}

async function eventId(request: APIRequestContext, title: string): Promise<string> {
  const events = (await (await request.get(`/api/cases/${CASE}/events`)).json()) as Array<{ id: string; title: string }> | { events: Array<{ id: string; title: string }> };
  const list = Array.isArray(events) ? events : events.events;
  return list.find((e) => e.title === title)!.id;
}

test.describe.configure({ mode: 'serial' });

test('a pinned embed keeps the published status after an edit; the live one shows the edit', async ({ page, request }) => {
  // Anonymous publishing is refused, and nothing is written.
  expect((await request.post(`/api/cases/${CASE}/publications`)).status()).toBe(401);

  const headers = await editorHeaders(request);
  const published = await request.post(`/api/cases/${CASE}/publications`, { headers });
  // 201 the first time this content is published; 200 on a later run (same content, same version).
  expect([200, 201]).toContain(published.status());
  const { publication } = (await published.json()) as { publication: { version: string; publishedBy: string; title: string } };
  expect(publication.version).toMatch(/^[0-9a-f]{16}$/);
  const again = await request.post(`/api/cases/${CASE}/publications`, { headers });
  expect(again.status()).toBe(200);

  const list = (await (await request.get(`/api/cases/${CASE}/publications`)).json()) as { live: string; publications: Array<{ version: string }> };
  expect(list.live).toBe(publication.version);
  expect(list.publications.map((p) => p.version)).toContain(publication.version);

  const harbour = await eventId(request, HARBOUR);
  const edit = await request.put(`/api/events/${harbour}/status`, { headers, data: { status: 'disputed', reason: 'e2e: another outlet says the harbour stayed open' } });
  expect(edit.status()).toBe(200);

  await page.goto(`/embed/cases/${CASE}?version=${publication.version}`);
  const pinned = page.locator('.tw-embed-list li', { hasText: HARBOUR });
  await expect(pinned).toContainText('Status: Reported');
  await expect(page.getByTestId('embed-version')).toContainText('Published version of');
  const current = page.getByTestId('embed-current-link');
  await expect(current).toHaveText('see the current version');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await current.click();
  await expect(page).toHaveURL(new RegExp(`/embed/cases/${CASE}$`));
  await expect(page.locator('.tw-embed-list li', { hasText: HARBOUR })).toContainText('Status: Disputed');
  await expect(page.getByTestId('embed-version')).toContainText('Live');

  // oEmbed keeps the version of the URL it is given.
  const oembed = (await (await request.get(`/api/oembed?url=${encodeURIComponent(`${page.url()}?version=${publication.version}`)}`)).json()) as { html: string; title: string };
  expect(oembed.html).toContain(`version=${publication.version}`);
  // A version never published is a 404 there too, as its embed page is; a published one keeps its published title.
  const neverPublished = await request.get(`/api/oembed?url=${encodeURIComponent(`${new URL(page.url()).origin}/embed/cases/${CASE}?version=0000000000000000`)}`);
  expect(neverPublished.status()).toBe(404);
  expect(((await neverPublished.json()) as { message: string }).message).toContain('never published');
  expect(oembed.title).toBe(publication.title);

  // The published snapshot as SVG: the events as published.
  const svgRes = await request.get(`/api/cases/${CASE}/snapshot?format=svg&view=timeline&version=${publication.version}`);
  expect(svgRes.status()).toBe(200);
  expect(svgRes.headers()['content-type']).toContain('image/svg+xml');
  expect(svgRes.headers()['content-disposition']).toBe(`attachment; filename="${CASE}-timeline-${publication.version}.svg"`);
  const svg = await svgRes.text();
  expect(XMLValidator.validate(svg)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: { title: unknown } };
  expect(JSON.stringify(doc.svg.title)).toContain('Publish probe');
  expect(svg).toContain(HARBOUR);
  expect(svg).toContain(FERRY.slice(0, 30));
  expect(svg).toMatch(/data-status="reported"/);
  expect(svg).not.toMatch(/data-status="disputed"/);
  // The live one has the edit.
  expect(await (await request.get(`/api/cases/${CASE}/snapshot?format=svg`)).text()).toMatch(/data-status="disputed"/);
});

test('PNG snapshots have the PNG signature and the width asked for', async ({ request }) => {
  for (const view of ['timeline', 'graph']) {
    const res = await request.get(`/api/cases/${CASE}/snapshot?format=png&view=${view}&width=640`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(res.headers()['content-disposition']).toBe(`attachment; filename="${CASE}-${view}.png"`);
    const png = await res.body();
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(640);
    expect(png.readUInt32BE(20)).toBeGreaterThan(100);
  }
  expect((await request.get(`/api/cases/${CASE}/snapshot?format=gif`)).status()).toBe(400);
  expect((await request.get(`/api/cases/${CASE}/snapshot?format=png&width=5`)).status()).toBe(400);
  expect((await request.get(`/api/cases/${CASE}/snapshot?format=png&version=0000000000000000`)).status()).toBe(404);
  expect((await request.get(`/api/cases/no-such-case-e2e/snapshot?format=svg`)).status()).toBe(404);
});

test('an unknown published version is a clear 404 page', async ({ page }) => {
  const res = await page.goto(`/embed/cases/${CASE}?version=0000000000000000`);
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('embed-not-found')).toContainText('never published');
});

test('an editor publishes from the Embed dialog and gets a pinned link and downloads', async ({ page }) => {
  const signIn = await page.request.post('/api/auth/sign-in', { data: TEST_EDITOR });
  expect(signIn.status()).toBe(200);
  await page.goto(`/cases/${CASE}`);
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await dialog.getByTestId('embed-publish').click();
  await expect(dialog.getByRole('status')).toContainText(/Published version|already published/);
  await expect(dialog.getByTestId('embed-link')).toHaveValue(/&?version=[0-9a-f]{16}$/);
  const version = (await dialog.getByTestId('embed-version-choice').inputValue());
  expect(version).toMatch(/^[0-9a-f]{16}$/);
  await expect(dialog.getByTestId('snapshot-timeline-svg')).toHaveAttribute('href', new RegExp(`version=${version}.*format=svg|format=svg.*version=${version}`));
  await dialog.getByTestId('embed-version-choice').selectOption('');
  await expect(dialog.getByTestId('embed-link')).not.toHaveValue(/version=/);
});
