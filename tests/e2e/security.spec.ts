import { expect, test, type Page } from '@playwright/test';
import { CaseSummary } from '../../lib/api/views';

/**
 * Hostile input: markup in every text field renders as text and never runs; Cypher-looking
 * parameters are inert; every page carries a nonce-based CSP that the app itself never violates.
 * The XSS probe case (tests/fixtures/cases/xss-probe) is loaded into the test database by
 * scripts/prepare-test-db.ts; each of its payloads would set window.__xss if it ran.
 */
const SAMPLE = 'kazakhstan-2022-01';
const PROBE = 'xss-probe';

/** Records CSP violations and any dialog from the first script of every page onwards. */
async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    dialogs,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    xss: () => page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null),
  };
}

test.describe('security', () => {
  test('pages carry a fresh nonce-based CSP and the usual security headers', async ({ request }) => {
    const first = await request.get('/');
    const second = await request.get(`/cases/${SAMPLE}`);
    const csp1 = first.headers()['content-security-policy'] ?? '';
    const csp2 = second.headers()['content-security-policy'] ?? '';
    expect(csp1).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp1).not.toContain('unsafe-inline\' \'strict'); // no inline scripts without the nonce
    expect(csp1).toContain("frame-ancestors 'self'");
    expect(csp1.match(/nonce-([^']+)/)?.[1]).not.toBe(csp2.match(/nonce-([^']+)/)?.[1]);
    expect(first.headers()['x-content-type-options']).toBe('nosniff');
    expect(first.headers()['x-frame-options']).toBe('SAMEORIGIN');
    expect((await request.get('/api/cases')).headers()['content-security-policy']).toBeTruthy();
  });

  test('the app works under its CSP without a single violation', async ({ page }) => {
    const w = await watch(page);
    await page.goto(`/cases/${SAMPLE}`);
    await expect(page.getByTestId('timeline').locator('.vis-item').first()).toBeVisible();
    await page.waitForFunction(() => (window.__twCy?.nodes().length ?? 0) > 0);
    await page.getByTestId('timeline').locator('.vis-item', { hasText: 'Tokayev meets CSTO Secretary General Zas' }).click();
    await expect(page.locator('#tw-details')).toContainText('Tokaïev');
    expect(await w.violations()).toEqual([]);
  });

  test('markup in every field of a case renders as text and never runs', async ({ page }) => {
    const w = await watch(page);
    await page.goto('/');
    await expect(page.getByRole('link', { name: /^Probe <img src=x onerror=/ })).toBeVisible();

    await page.goto(`/cases/${PROBE}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Probe <img src=x onerror="window.__xss='case-title'">`);
    await expect(page.getByText("<script>window.__xss='case-summary'</script>", { exact: false })).toBeVisible();
    const item = page.getByTestId('timeline').locator('.vis-item', { hasText: 'Speech <img' });
    await expect(item).toBeVisible();
    await item.click();
    const details = page.locator('#tw-details');
    await expect(details).toContainText(`<img src=x onerror="window.__xss='event-title'">`);
    await expect(details).toContainText("The mayor said <script>window.__xss='quote-script'</script> at noon.");
    await expect(details).toContainText(`<img src=x onerror="window.__xss='translation'">`);
    await expect(details).toContainText("Mayor <script>window.__xss='asserter'</script>");

    // The entity, through the network's text alternative.
    await page.getByText(/List view/).last().click();
    await page.getByRole('button', { name: /^Mayor <img/ }).first().click();
    await expect(details).toContainText(`Mayor <img src=x onerror="window.__xss='entity-name'">`);

    // Hovering and clicking everything that could carry a handler.
    for (const el of await page.locator('main b, main img, main svg[onload], main iframe').all()) await el.hover().catch(() => {});
    expect(await page.locator('main img[src="x"], main script:not([src]):not([nonce]), main iframe').count()).toBe(0);
    expect(await w.xss()).toBeNull();
    expect(w.dialogs).toEqual([]);
  });

  test('Cypher-looking parameters are inert: clear 400/404 answers, the data unchanged', async ({ request }) => {
    const before = CaseSummary.array().parse(await (await request.get('/api/cases')).json());
    const payloads = [
      "' OR 1=1 //",
      "x' }) MATCH (n) DETACH DELETE n //",
      '"}) DETACH DELETE n RETURN 1 //',
      '`) CALL db.clearQueryCaches() //',
      '$caseId',
      '\\u0027 OR true',
    ];
    for (const p of payloads) {
      const e = encodeURIComponent(p);
      const answers = await Promise.all([
        request.get(`/api/cases/${e}/events`),
        request.get(`/api/cases/${e}/graph`),
        request.get(`/api/cases/${SAMPLE}/events?from=${e}`),
        request.get(`/api/cases/${SAMPLE}/graph?to=${e}`),
        request.get(`/api/events/${e}`),
        request.get(`/api/entities/${e}`),
        request.get(`/api/sources/${e}`),
      ]);
      for (const res of answers) {
        expect([400, 404], `${res.url()} → ${res.status()}`).toContain(res.status());
        const body = (await res.json()) as { error: string; message: string };
        expect(body.message.length).toBeGreaterThan(0);
      }
    }
    const after = CaseSummary.array().parse(await (await request.get('/api/cases')).json());
    expect(after).toEqual(before);
  });
});
