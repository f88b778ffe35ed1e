import { type Page, expect, test } from '@playwright/test';
import * as localNeo4j from '../../graph/local-neo4j';
import { Health } from '../../lib/api/views';

/**
 * Neo4j stops while the app runs: the API answers 503 with a message, pages show a banner instead
 * of crashing, and both recover by themselves once Neo4j is back. Runs last and alone (project
 * "resilience" in playwright.config.ts) because it stops the test database the other specs read.
 * It stops and starts the local test Neo4j, so it cannot run against an external NEO4J_URI.
 */
const CASE = 'kazakhstan-2022-01';
/** Filtered by text: Next's route announcer is an (empty) alert region on every page. */
const banner = (page: Page) => page.getByRole('alert').filter({ hasText: 'The database is unavailable' });

test.describe('when Neo4j goes away and comes back', () => {
  test.skip(Boolean(process.env.NEO4J_URI), 'needs the local test Neo4j, which it stops and restarts');
  test.setTimeout(240_000);

  test.afterAll(async () => {
    // Whatever happened above, leave the database running for whoever comes next.
    await localNeo4j.start({ timeoutMs: 180_000 });
  });

  test('the API answers 503 and pages show a banner, then both recover', async ({ page, request }) => {
    expect((await request.get('/api/health')).status()).toBe(200);

    await localNeo4j.stop();

    const health = await request.get('/api/health');
    expect(health.status()).toBe(503);
    expect(Health.parse(await health.json()).neo4j.status).toBe('down');

    const events = await request.get(`/api/cases/${CASE}/events`);
    expect(events.status()).toBe(503);
    expect(events.headers()['retry-after']).toBe('5');
    const body = (await events.json()) as { error: string; message: string };
    expect(body.error).toBe('unavailable');
    expect(body.message).toMatch(/Neo4j is unavailable/);

    await page.goto(`/cases/${CASE}`);
    await expect(banner(page)).toBeVisible();
    await page.goto('/');
    await expect(banner(page)).toBeVisible();

    await localNeo4j.start({ timeoutMs: 180_000 });

    // No restart of the app: its driver reconnects on the next request.
    await expect.poll(async () => (await request.get('/api/health')).status(), { timeout: 30_000 }).toBe(200);
    expect((await request.get(`/api/cases/${CASE}/events`)).status()).toBe(200);
    await page.goto(`/cases/${CASE}`);
    await expect(banner(page)).toHaveCount(0);
    await expect(page.getByTestId('timeline')).toBeVisible();
  });
});
