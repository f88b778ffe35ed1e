import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { TimelineWindow } from '../../lib/api/timeline';

/**
 * The aggregating timeline on a large generated case (lib/synth, the `npm run gen` generator):
 * zoomed out the browser holds a few hundred items at most (counts per bucket from
 * GET /api/cases/{id}/timeline), zoomed in to a day it shows the events themselves. The case is
 * generated into its own id for this file and deleted after it, so no other spec sees it.
 */
// Above the aggregating threshold (lib/views/timeline-buckets.ts LARGE_TIMELINE_EVENTS, 2,000) and
// far above the 300 a window may list, yet small enough for the case page, which still receives
// the whole case (a 20k-event case page takes minutes on the shared test machine).
const CASE_ID = 'e2e-timeline-large';
const EVENTS = 3_000;
const ROOT = path.resolve(__dirname, '..', '..');
const MAX_DOM_ITEMS = 300;
/** Runs a script with the server conditions the graph code needs (graph/ is server-only). */
function node(args: string[]): void {
  execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', ...args], { cwd: ROOT, stdio: 'inherit' });
}

type TimelineEvent = Extract<TimelineWindow, { mode: 'events' }>['events'][number];

async function timelineApi(request: APIRequestContext, query = ''): Promise<TimelineWindow> {
  const res = await request.get(`/api/cases/${CASE_ID}/timeline${query}`);
  expect(res.status()).toBe(200);
  return TimelineWindow.parse(await res.json());
}

test.describe('large case timeline', () => {
  test.beforeAll(async () => {
    test.setTimeout(5 * 60_000);
    // The same generator as `npm run gen`, loaded in batched chunks (graph/bulk-load.repo.ts).
    node(['scripts/gen.ts', '--events', String(EVENTS), '--entities', '200', '--seed', '11', '--case', CASE_ID, '--chunked']);
  });

  test.afterAll(() => {
    node(['--input-type=module', '-e', `const m = await import('./graph/import.repo.ts'); const d = await import('./graph/driver.ts'); await (m.default ?? m).deleteCase(${JSON.stringify(CASE_ID)}); await (d.default ?? d).closeDriver();`]);
  });

  test('zoomed out: counts per time bucket, never more than a few hundred DOM items', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/cases/${CASE_ID}`);
    const timeline = page.getByTestId('timeline');
    await expect(timeline.locator('.vis-item.tw-bucket').first()).toBeVisible({ timeout: 60_000 });
    const items = await timeline.locator('.vis-item').count();
    expect(items).toBeGreaterThan(0);
    expect(items).toBeLessThanOrEqual(MAX_DOM_ITEMS);
    await expect(timeline.locator('.vis-item.tw-event')).toHaveCount(0);
    // The text alternative says what the buckets hold (the window is at most ten years wide).
    await expect(page.getByTestId('timeline-window-summary')).toContainText(/[\d,]{4,} events in this window, counted per/);
    await page.getByTestId('timeline-window-list').locator('summary').click();
    const first = page.getByRole('list', { name: 'Events in this window, grouped by date' }).getByRole('button').first();
    await expect(first).toContainText(/\d+ events?:/);
  });

  test('zoomed in to a day: the events themselves, selectable', async ({ page, request }) => {
    test.setTimeout(120_000);
    // A quiet stretch of the case (the smaller buckets first) with an event dated to one day in it.
    const whole = await timelineApi(request);
    expect(whole.mode).toBe('buckets');
    if (whole.mode !== 'buckets') return;
    let event: TimelineEvent | undefined;
    for (const bucket of [...whole.buckets].sort((a, b) => a.count - b.count).slice(0, 10)) {
      const inside = await timelineApi(request, `?from=${bucket.start}&to=${bucket.end}`);
      event = inside.mode === 'events' ? inside.events.find((e) => e.end === null && (e.precision === 'day' || e.precision === 'minute')) : undefined;
      if (event) break;
    }
    if (!event) throw new Error('no day-precise event in the quietest buckets');
    const day = event.start.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const dayWindow = await timelineApi(request, `?from=${day}T00:00Z&to=${next}T00:00Z`);
    expect(dayWindow.mode).toBe('events');
    expect(dayWindow.mode === 'events' && dayWindow.events.some((e) => e.id === event!.id)).toBe(true);

    await page.goto(`/cases/${CASE_ID}?from=${day}T00:00&to=${next}T00:00`);
    const timeline = page.getByTestId('timeline');
    const item = timeline.locator('.vis-item.tw-event', { hasText: event.title }).first();
    await expect(item).toBeVisible({ timeout: 60_000 });
    await expect(timeline.locator('.vis-item.tw-bucket')).toHaveCount(0);
    expect(await timeline.locator('.vis-item').count()).toBeLessThanOrEqual(MAX_DOM_ITEMS);
    if (dayWindow.mode !== 'events') return;
    const shown = dayWindow.events.length;
    await expect(page.getByTestId('timeline-window-summary')).toContainText(`${shown} ${shown === 1 ? 'event' : 'events'} in this window`);
    await item.click();
    await expect(page.locator('#tw-details').getByRole('heading', { level: 3 })).toHaveText(event.title);
  });
});
