import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/**
 * The case page's first-load JavaScript stays within a budget: the scripts its HTML names (the
 * views, vis-timeline and cytoscape, load later: next/dynamic). Bytes, not time: the production
 * build this suite runs is the same on every machine. `npm run bench` reports the same page's
 * weight as Chromium transferred it (bench/results/scale.md).
 *
 * The budget is the weight measured when it was set (2026-11-26: 674,195 bytes raw, 202,448
 * gzipped at zlib's default level) with about 9 % of room. It caught all of zod coming into the
 * first load (a re-export the bundler could not tree-shake: 949,169 raw, 260,823 gzipped; see
 * lib/zod.ts).
 */
const CASE_URL = '/cases/kazakhstan-2022-01';
const BUDGET_GZIP_BYTES = 220_000;

test('the case page names at most its budget of JavaScript', async ({ request, baseURL }) => {
  const res = await request.get(CASE_URL);
  expect(res.status()).toBe(200);
  const html = await res.text();
  // Not the polyfills marked noModule: a browser that runs modules (every one we support) skips them.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const srcs = [...new Set(tags.map((m) => new URL(m[1]!.replaceAll('&amp;', '&'), baseURL).href))];
  expect(srcs.length).toBeGreaterThan(3);
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const script = await request.get(src);
    expect(script.status(), src).toBe(200);
    const body = await script.body();
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  console.log(`case page first load: ${srcs.length} scripts, ${raw} bytes raw, ${gzip} gzipped (budget ${BUDGET_GZIP_BYTES})`);
  expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});
