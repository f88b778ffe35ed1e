import { expect, test, type APIRequestContext } from '@playwright/test';
import { OEmbedRich } from '../../lib/embed/oembed';
import { TEST_EDITOR } from '../fixtures/accounts';

/**
 * Interchange and oEmbed over HTTP against the real Neo4j: every export format with its media type
 * and download name, imports (created, refused, conflicting), and an oEmbed provider checked
 * against the spec, discovered from the case page.
 */
const CASE = 'kazakhstan-2022-01';

const EXPORTS: Array<[string, RegExp, RegExp]> = [
  ['bundle', /^application\/json/, /kazakhstan-2022-01\.timeweave\.json/],
  ['timelinejs', /^application\/json/, /kazakhstan-2022-01\.timeline\.json/],
  ['csv', /^text\/csv/, /kazakhstan-2022-01\.events\.csv/],
  ['csv&table=entities', /^text\/csv/, /kazakhstan-2022-01\.entities\.csv/],
  ['graphml', /^application\/graphml\+xml/, /kazakhstan-2022-01\.graphml/],
  ['gexf', /^application\/gexf\+xml/, /kazakhstan-2022-01\.gexf/],
  ['cyjs', /^application\/json/, /kazakhstan-2022-01\.cyjs/],
  ['annotations', /^application\/ld\+json/, /kazakhstan-2022-01\.annotations\.jsonld/],
];

test.describe('export', () => {
  for (const [format, type, name] of EXPORTS) {
    test(`${format}: a download with its media type`, async ({ request }) => {
      const res = await request.get(`/api/cases/${CASE}/export?format=${format}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(type);
      expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="/);
      expect(res.headers()['content-disposition']).toMatch(name);
      const body = await res.text();
      if (format === 'graphml' || format === 'gexf') expect(body.startsWith('<?xml')).toBe(true);
      if (format === 'bundle') expect(JSON.parse(body).format).toBe('timeweave.case-bundle');
      if (format === 'csv') expect(body.split('\r\n')[0]).toMatch(/^Year,Month,Day,Time,/);
    });
  }

  test('bad format 400, unknown case 404', async ({ request }) => {
    const bad = await request.get(`/api/cases/${CASE}/export?format=pdf`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toMatch(/format must be one of/);
    expect((await request.get('/api/cases/no-such-case-e2e/export?format=bundle')).status()).toBe(404);
  });
});

/** Imports are writes: a signed-in editor echoing the session's CSRF token. */
async function editorHeaders(request: APIRequestContext, contentType?: string): Promise<Record<string, string>> {
  const res = await request.post('/api/auth/sign-in', { data: TEST_EDITOR });
  expect(res.status()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { 'x-csrf-token': csrfToken, ...(contentType ? { 'content-type': contentType } : {}) };
}

test.describe('import', () => {
  test('needs a signed-in editor', async ({ request }) => {
    const res = await request.post('/api/cases/import?format=timelinejs&caseId=e2e-import-anon', { data: { events: [] } });
    expect(res.status()).toBe(401);
  });

  test('TimelineJS: created, cited, statuses capped, and readable through the API', async ({ request }) => {
    const file = {
      title: { text: { headline: 'E2E timeline' } },
      events: [
        { start_date: { year: '2022', month: '1' }, text: { headline: 'Deployment', text: 'Troops deployed.' }, group: 'confirmed' },
        { start_date: { year: 2022, month: 1, day: 13, hour: 19, minute: 50 }, text: { headline: 'Statement', text: 'The minister spoke.' } },
      ],
    };
    const res = await request.post('/api/cases/import?format=timelinejs&caseId=e2e-import-tjs&replace=true&publisher=E2E%20Desk', { data: file, headers: await editorHeaders(request) });
    expect(res.status()).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ caseId: 'e2e-import-tjs', counts: { events: 2, citations: 2, sources: 1, eventSupports: 2 } });
    expect(body.notes.join(' ')).toMatch(/confirmed/);
    const { events } = await (await request.get('/api/cases/e2e-import-tjs/events')).json();
    expect(events.map((e: { start: string; status: string }) => [e.start, e.status])).toEqual([
      ['2022-01', 'reported'],
      ['2022-01-13T19:50', 'reported'],
    ]);
  });

  test('a bundle exported under a new id imports as a copy; again without replace is a conflict', async ({ request }) => {
    const exported = await (await request.get(`/api/cases/${CASE}/export?format=bundle`)).text();
    const headers = await editorHeaders(request, 'application/json');
    const first = await request.post('/api/cases/import?format=bundle&caseId=e2e-import-copy&replace=true&title=E2E%20copy%20of%20the%20sample%20case', { data: exported, headers });
    expect(first.status()).toBe(201);
    const { events: original } = await (await request.get(`/api/cases/${CASE}/events`)).json();
    const { events: copy } = await (await request.get('/api/cases/e2e-import-copy/events')).json();
    // Same events; the order among equal dates follows ids, which a copy derives anew.
    const key = (events: Array<{ title: string; start: string; end: string | null; status: string }>) => events.map((e) => `${e.title}|${e.start}|${e.end}|${e.status}`).sort();
    expect(key(copy)).toEqual(key(original));
    const again = await request.post('/api/cases/import?format=bundle&caseId=e2e-import-copy', { data: exported, headers });
    expect(again.status()).toBe(409);
  });

  test('a bad file: 422 with every problem, nothing written', async ({ request }) => {
    const csv = 'Year,Month,Day,Time,Headline,Text\n-13800000000,,,,Big Bang,The universe begins\n2022,13,,,Bad month,x\n';
    const headers = await editorHeaders(request, 'text/csv');
    const res = await request.post('/api/cases/import?format=csv&caseId=e2e-import-bad', { data: csv, headers });
    expect(res.status()).toBe(422);
    const body = await res.json();
    expect(body.error).toBe('unprocessable');
    expect(body.details.map((p: { path: string }) => p.path)).toEqual(['row 2.start_date.year', 'row 3.start_date.month']);
    expect(body.details[0].message).toMatch(/-9999 to 9999/);
    expect((await request.get('/api/cases/e2e-import-bad/events')).status()).toBe(404);
    expect((await request.post('/api/cases/import?format=xlsx', { data: 'x', headers })).status()).toBe(400);
  });
});

test.describe('oEmbed', () => {
  test('a rich 1.0 response for a case page, sized by maxwidth/maxheight', async ({ request, baseURL }) => {
    const url = `${baseURL}/cases/${CASE}`;
    const res = await request.get(`/api/oembed?url=${encodeURIComponent(url)}&format=json`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/json/);
    const o = OEmbedRich.parse(await res.json());
    expect(o).toMatchObject({ type: 'rich', version: '1.0', provider_name: 'Timeweave', width: 800, height: 600 });
    expect(o.title).toMatch(/Kazakhstan/);
    expect(o.html).toContain(`<iframe src="${baseURL}/embed/cases/${CASE}"`);
    expect(o.provider_url).toBe(`${baseURL}/`);

    const sized = OEmbedRich.parse(await (await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/embed/cases/${CASE}?view=graph`)}&maxwidth=400&maxheight=300`)).json());
    expect([sized.width, sized.height]).toEqual([400, 300]);
    expect(sized.html).toContain(`/embed/cases/${CASE}?view=graph`);
    expect(sized.html).toContain('width="400" height="300"');
  });

  test('404 for URLs not ours or no case, 501 for xml, 400 without url', async ({ request, baseURL }) => {
    const q = (url: string, extra = '') => request.get(`/api/oembed?url=${encodeURIComponent(url)}${extra}`);
    expect((await q(`https://elsewhere.example/cases/${CASE}`)).status()).toBe(404);
    expect((await q(`${baseURL}/sources/src_0000000000000000`)).status()).toBe(404);
    expect((await q(`${baseURL}/cases/no-such-case-e2e`)).status()).toBe(404);
    expect((await q(`${baseURL}/cases/${CASE}`, '&format=xml')).status()).toBe(501);
    expect((await request.get('/api/oembed')).status()).toBe(400);
  });

  test('is discovered from the case page', async ({ page, request, baseURL }) => {
    await page.goto(`/cases/${CASE}`);
    const link = page.locator('head link[rel="alternate"][type="application/json+oembed"]');
    await expect(link).toHaveCount(1);
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`${baseURL}/api/oembed?url=`)).toBe(true);
    const o = OEmbedRich.parse(await (await request.get(href)).json());
    expect(o.html).toContain(`/embed/cases/${CASE}`);
  });
});
