/**
 * `npm run bench:client`: the client-side half of the scale benchmark, measured side by side in ONE
 * Chromium run (Debian's /usr/bin/chromium through Playwright, as the e2e tests use it):
 *
 *   timeline  vanilla vis-timeline given the same N items (a static page served by this script,
 *             vis-timeline's standalone build from node_modules) vs our timeline canvas fed by the
 *             aggregation API (app/bench/timeline/[caseId], the canvas exactly as the case page
 *             uses it): time to first render, DOM items, frames during a scripted drag-pan.
 *   network   cytoscape's default canvas renderer vs the canvas with our level of detail vs
 *             the WebGL renderer with it vs ours (what the app picks in this browser:
 *             renderingOptions with probeGraphics(document) from lib/views/large-graph.ts), on the
 *             same elements with preset positions (layout excluded): time to the first frame; a
 *             user's drag-pan at once (Playwright's mouse on the background, --drag-moves moves);
 *             the same drag back after --settle-s seconds (when the canvas renderer has cached the
 *             graph in layers); then a scripted pan/zoom (programmatic, as zoom buttons and
 *             animations move the view; --pan-frames viewports), all the same for every variant:
 *             frames per second, longest frame, and how much of it was cytoscape's own drawing;
 *             then the default canvas and ours again in a Chromium with no GPU (CPU_CANVAS_ARGS).
 *
 * The timeline part needs a running Neo4j (TIMEWEAVE_NEO4J_PORT…) and a production build
 * (TIMEWEAVE_DIST_DIR, default .next): it loads the synthetic case if the database does not have it
 * (batched chunks, as `npm run gen -- --chunked`) and starts `next start` with
 * TIMEWEAVE_BENCH_PAGES=1 on --port unless --app-url points at one already running so. The network
 * part needs neither. Writes bench/results/client.{json,md}; with --skip-timeline or --skip-network
 * the part not run is kept from the previous results, marked with the date it was measured.
 *
 * Flags: --events 100000 --entities 2000 --seed 7 --case synth-bench-100k --elements 20000
 *        --port 3194 --app-url URL --drag-moves 30 --settle-s 8 --pan-frames 10 --skip-timeline
 *        --skip-network
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { CaseGraph } from '../lib/api/views';
import { generateCase } from '../lib/synth/generate';
import { graphElements, graphStylesheet } from '../lib/views/graph-elements';
import { levelOfDetailStyles, sunflowerPositions } from '../lib/views/large-graph';
import { timelineItems } from '../lib/views/timeline-items';
import { runCli } from './lib/cli';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'bench', 'results');
const log = (msg: string) => console.log(`[bench:client] ${msg}`);

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    entities: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '7' },
    case: { type: 'string' },
    elements: { type: 'string', default: '20000' },
    port: { type: 'string', default: process.env.PORT || '3194' },
    'app-url': { type: 'string' },
    // Mouse moves of the network drag-pan (8 px right, 3 px down each), the same for every variant.
    'drag-moves': { type: 'string', default: '30' },
    // Idle time before the second drag: the canvas renderer builds its layer cache when idle.
    'settle-s': { type: 'string', default: '8' },
    // Frames of the scripted network pan/zoom; every variant draws the same sequence of viewports.
    'pan-frames': { type: 'string', default: '10' },
    // Vanilla vis-timeline with 100k items may take minutes; past this, its time is a lower bound.
    'vanilla-timeout-s': { type: 'string', default: '420' },
    // A variant without a first frame by then (e.g. software WebGL out of memory) is reported as unfinished.
    'network-timeout-s': { type: 'string', default: '300' },
    'skip-network': { type: 'boolean', default: false },
    // The timeline part takes minutes (vanilla vis-timeline) and needs Neo4j and the app.
    'skip-timeline': { type: 'boolean', default: false },
  },
});
const EVENTS = Number(args.events);
const ENTITIES = Number(args.entities);
const SEED = Number(args.seed);
const CASE_ID = args.case ?? `synth-bench-${EVENTS >= 1000 ? `${EVENTS / 1000}k` : EVENTS}`;
const ELEMENTS = Number(args.elements);
const PAN_FRAMES = Number(args['pan-frames']);
const DRAG_MOVES = Number(args['drag-moves']);
const SETTLE_MS = Number(args['settle-s']) * 1000;
const VANILLA_TIMEOUT_MS = Number(args['vanilla-timeout-s']) * 1000;
/** How long vanilla's drag-pan may take before the run gives up on it. */
const VANILLA_PAN_LIMIT_MS = 120_000;
const NETWORK_TIMEOUT_MS = Number(args['network-timeout-s']) * 1000;

/** Chromium flags: the e2e set, plus a software WebGL (SwiftShader through ANGLE) on a GPU-less machine. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

/**
 * The second network pass: the same Chromium with no GPU at all (`--disable-gpu`, no SwiftShader),
 * where the 2D canvas is rasterised by the CPU, as on most GPU-less machines. The first pass's
 * SwiftShader flags put the 2D canvas on the emulated GPU too, which changes what a frame costs.
 */
const CPU_CANVAS_ARGS = [...CHROMIUM_ARGS.filter((a) => !/swiftshader|gpu-blocklist/.test(a)), '--disable-gpu'];
const CPU_CANVAS_VARIANTS = ['default', 'ours'] as const;

// ---- the static harness ---------------------------------------------------------------------

const VANILLA_TIMELINE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>vanilla vis-timeline</title>
<link rel="stylesheet" href="/vis-timeline.css"><style>body{margin:0;font:14px sans-serif}#tl{width:1200px}</style></head>
<body><div id="tl"></div><script src="/vis-timeline.js"></script><script>
(async () => {
  const items = await (await fetch('/items.json')).json();
  const b = (window.__bench = { fetchedAt: performance.now(), items: items.length });
  const t0 = performance.now();
  b.constructStart = t0;
  // The options our canvas uses (app/_components/timeline/timeline-canvas.tsx), minus its templates.
  const tl = new vis.Timeline(document.getElementById('tl'), new vis.DataSet(items), {
    orientation: { axis: 'top', item: 'top' }, stack: true, selectable: true, editable: false, showCurrentTime: false,
    zoomKey: 'ctrlKey', minHeight: 240, maxHeight: 560, verticalScroll: true, margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
  });
  window.__tl = tl;
  b.constructEnd = performance.now();
})();
</script></body></html>`;

/**
 * The network page. `default`: our stylesheet as is. `lod`: plus our level of detail (the extra
 * styles, and the tracker of labels and edge shapes from lib/views/large-graph.ts, bundled as
 * TwLargeGraph). `webgl`:
 * that and the WebGL renderer options (renderingOptions as on a GPU). `ours`: that and the options
 * the app would pick in this browser (renderingOptions with probeGraphics, as
 * app/_components/network/network-canvas.tsx does). The first frame is the first cytoscape render
 * (its own counter, which both renderers keep) and the frame after it, when it is on screen.
 */
const NETWORK_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cytoscape</title>
<style>body{margin:0}#cy{width:1200px;height:700px}</style></head>
<body><div id="cy"></div><script src="/cytoscape.js"></script><script src="/large-graph.js"></script><script>
(async () => {
  const variant = new URLSearchParams(location.search).get('variant');
  const g = await (await fetch('/graph.json')).json();
  const graphics = TwLargeGraph.probeGraphics(document);
  const rendering = variant === 'webgl' ? TwLargeGraph.renderingOptions(g.elements.length, () => ({ webgl2: true }))
    : variant === 'ours' ? TwLargeGraph.renderingOptions(g.elements.length, () => graphics) : {};
  const options = {
    container: document.getElementById('cy'),
    elements: [],
    style: variant === 'default' ? g.style : g.style.concat(g.lodStyle),
    ...rendering,
  };
  // As the app's canvas does: constructed empty, the level of detail on, the elements added in one
  // batch (positions given), fitted.
  const t0 = performance.now();
  const cy = cytoscape(options);
  window.__cy = cy;
  if (variant !== 'default') TwLargeGraph.trackLevelOfDetail(cy);
  cy.batch(() => { cy.add(g.elements); });
  cy.fit(undefined, 24);
  const r = cy.renderer();
  const b = (window.__bench = { constructMs: performance.now() - t0, elements: cy.elements().length, rendererWebgl: !!r.webgl, graphics, zoom: cy.zoom() });
  const wait = () => {
    if ((r.redrawCount || 0) > 0) requestAnimationFrame(() => { b.firstFrameMs = performance.now() - t0; b.firstRenderJsMs = r.redrawTotalTime; b.ready = true; });
    else requestAnimationFrame(wait);
  };
  requestAnimationFrame(wait);
})();
// The scripted pan/zoom: frame i shows the path at i / frames (a small circle while zooming in to
// 3 times and back), so every variant draws the same viewports whatever its speed. A frame counts
// once cytoscape has rendered it.
window.__pan = (frames) => new Promise((resolve) => {
  const cy = window.__cy;
  const r = cy.renderer();
  const base = cy.zoom();
  const centre = { x: 600, y: 350 };
  const renders0 = r.redrawCount || 0, js0 = r.redrawTotalTime || 0;
  let i = 0, start = 0, last = 0, maxGap = 0;
  const step = (now) => {
    if (!start) { start = last = now; } else { maxGap = Math.max(maxGap, now - last); last = now; }
    const renders = (r.redrawCount || 0) - renders0;
    if (i === frames && renders >= frames) {
      resolve({ frames, renders, elapsedMs: now - start, fps: frames / ((now - start) / 1000), maxFrameMs: maxGap, jsRenderMs: (r.redrawTotalTime || 0) - js0 });
      return;
    }
    if (i < frames) {
      i++;
      const t = i / frames;
      cy.panBy({ x: 6 * Math.cos(t * 6.28), y: 4 * Math.sin(t * 6.28) });
      cy.zoom({ level: base * (1 + 2 * Math.sin(t * Math.PI)), renderedPosition: centre });
    }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
});
</script></body></html>`;

/** A tiny static server for the harness pages and the libraries, straight from node_modules. */
async function serveHarness(files: Record<string, { type: string; body?: string; file?: string }>): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const f = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': f.type, 'Cache-Control': 'no-store' });
    if (f.file) createReadStream(f.file).pipe(res);
    else res.end(f.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

// ---- in-page probes ---------------------------------------------------------------------------

/**
 * Installed before any page script: notes when the first `.vis-item` is in the DOM and painted
 * (the frame after it appears), in ms since navigation start.
 */
// Strings, not functions: tsx (esbuild keepNames) would wrap inner functions in a `__name` helper
// that does not exist in the page.
const FIRST_ITEM_PROBE = `(() => {
  const tick = () => {
    if (document.querySelector('.vis-item')) {
      requestAnimationFrame(() => { window.__firstItemAt = performance.now(); });
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

const FRAME_COUNTER = `(() => {
  const f = (window.__frames = { n: 0, last: performance.now(), max: 0, on: true });
  const tick = (now) => {
    if (!f.on) return;
    f.n++;
    f.max = Math.max(f.max, now - f.last);
    f.last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Stops FRAME_COUNTER: animation frames since it started, and the longest gap between two (ms). */
async function stopFrameCounter(page: Page): Promise<{ n: number; max: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: { n: number; max: number; on: boolean } };
    w.__frames.on = false;
    return { n: w.__frames.n, max: w.__frames.max };
  });
}

/** Frames (requestAnimationFrame callbacks) while Playwright drags the timeline by 600 px and back. */
async function dragPan(page: Page, selector: string): Promise<{ frames: number; elapsedMs: number; fps: number; maxFrameMs: number }> {
  const box = (await page.locator(selector).boundingBox())!;
  const y = box.y + Math.min(120, box.height / 2);
  const x = box.x + box.width / 2;
  await page.evaluate(FRAME_COUNTER);
  const t = performance.now();
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(x - i * 20, y);
  for (let i = 29; i >= 0; i--) await page.mouse.move(x - i * 20, y);
  await page.mouse.up();
  const elapsedMs = performance.now() - t;
  const f = await stopFrameCounter(page);
  return { frames: f.n, elapsedMs: Math.round(elapsedMs), fps: round(f.n / (elapsedMs / 1000), 1), maxFrameMs: Math.round(f.max) };
}

// ---- measurements -----------------------------------------------------------------------------

interface TimelineRun {
  label: string;
  /** false: vanilla had not drawn when the timeout struck; its times are then lower bounds. */
  finished: boolean;
  navigationToFirstRenderMs: number;
  /** vanilla: from `new Timeline(…)`; ours: from the page shell's mount (fetch + query included). */
  mountToFirstRenderMs: number;
  domItems: number;
  pan: Awaited<ReturnType<typeof dragPan>>;
  note: string;
}

async function measureVanillaTimeline(browser: Browser, harness: string): Promise<TimelineRun> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(FIRST_ITEM_PROBE);
  const started = Date.now();
  await page.goto(`${harness}/timeline.html`);
  // The clock is ours, not the page's: waitForFunction's own timeout runs in the page, and a page
  // stuck in vis-timeline's constructor never gets to it (the run of 23:08 waited 14 minutes).
  const drawn = page
    .waitForFunction(() => (window as unknown as { __firstItemAt?: number }).__firstItemAt !== undefined, null, { timeout: 0, polling: 1000 })
    .then(() => true as const, () => false as const);
  const outcome = await Promise.race([drawn, sleep(VANILLA_TIMEOUT_MS).then(() => false as const)]);
  if (!outcome) {
    const waited = Date.now() - started;
    // Closing the stuck page frees the browser for the rest; bounded too, for the same reason.
    await Promise.race([page.close({ runBeforeUnload: false }).catch(() => {}), sleep(10_000)]);
    return {
      label: `vanilla vis-timeline, ${EVENTS} items`,
      finished: false,
      navigationToFirstRenderMs: waited,
      mountToFirstRenderMs: waited,
      domItems: EVENTS,
      pan: { frames: 0, elapsedMs: 0, fps: 0, maxFrameMs: 0 },
      note: `had not rendered after ${Math.round(waited / 1000)} s, when the run gave up: its times are lower bounds, its DOM count the items it was given, its pan not measured`,
    };
  }
  const r = await page.evaluate(() => {
    const w = window as unknown as { __firstItemAt: number; __bench: { fetchedAt: number; constructStart: number; items: number } };
    return { first: w.__firstItemAt, b: w.__bench, dom: document.querySelectorAll('.vis-item').length };
  });
  await page.waitForTimeout(1000);
  // Bounded by our clock as well: with 100,000 items in the DOM each mouse move can take seconds.
  const pan = await Promise.race([dragPan(page, '#tl'), sleep(VANILLA_PAN_LIMIT_MS).then(() => null)]);
  await Promise.race([page.close({ runBeforeUnload: false }).catch(() => {}), sleep(10_000)]);
  const fetched = `items JSON fetched and parsed by ${Math.round(r.b.fetchedAt)} ms, before the clock for mountToFirstRender starts`;
  return {
    label: `vanilla vis-timeline, ${r.b.items} items`,
    finished: true,
    navigationToFirstRenderMs: Math.round(r.first),
    mountToFirstRenderMs: Math.round(r.first - r.b.constructStart),
    domItems: r.dom,
    pan: pan ?? { frames: 0, elapsedMs: VANILLA_PAN_LIMIT_MS, fps: 0, maxFrameMs: 0 },
    note: pan ? fetched : `${fetched}; its drag-pan had not finished after ${VANILLA_PAN_LIMIT_MS / 1000} s, when the run gave up (0 frames/s stands for that)`,
  };
}

async function measureOurTimeline(browser: Browser, app: string): Promise<TimelineRun> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(FIRST_ITEM_PROBE);
  const res = await page.goto(`${app}/bench/timeline/${CASE_ID}`);
  if (!res || res.status() !== 200) throw new Error(`${app}/bench/timeline/${CASE_ID} answered ${res?.status()}: start the app with TIMEWEAVE_BENCH_PAGES=1`);
  await page.waitForFunction(() => (window as unknown as { __firstItemAt?: number }).__firstItemAt !== undefined, null, { timeout: 120_000 });
  const r = await page.evaluate(() => {
    const w = window as unknown as { __firstItemAt: number; __twBenchMounted?: number };
    return { first: w.__firstItemAt, mounted: w.__twBenchMounted ?? 0, dom: document.querySelectorAll('.vis-item').length };
  });
  await page.waitForTimeout(1000);
  const pan = await dragPan(page, '[data-testid=timeline]');
  // After the pan settles, the window is reloaded: still bounded.
  await page.waitForTimeout(1500);
  const domAfterPan = await page.evaluate(() => document.querySelectorAll('.vis-item').length);
  await page.close();
  return {
    label: `our timeline (aggregation API), case of ${EVENTS} events`,
    finished: true,
    navigationToFirstRenderMs: Math.round(r.first),
    mountToFirstRenderMs: Math.round(r.first - r.mounted),
    domItems: Math.max(r.dom, domAfterPan),
    pan,
    note: `DOM items: ${r.dom} at first render, ${domAfterPan} after the pan reloaded the window`,
  };
}

const NETWORK_VARIANTS = ['default', 'lod', 'webgl', 'ours'] as const;
type NetworkVariant = (typeof NETWORK_VARIANTS)[number];

/** jsRenderMs: cytoscape's drawing on the main thread; the rest of elapsedMs is the browser (GPU process, compositor) and the input itself. */
interface PanMeasure {
  frames: number;
  elapsedMs: number;
  fps: number;
  maxFrameMs: number;
  jsRenderMs?: number;
}

interface NetworkRun {
  variant: string;
  /** No first frame within --network-timeout-s: firstFrameMs is a lower bound, no fps. */
  unfinished?: boolean;
  elements: number;
  rendererWebgl: boolean;
  /** What probeGraphics found in this browser. */
  graphics?: { webgl2: boolean; softwareRenderer?: boolean };
  /** From `cytoscape(…)` to the frame after its first render (construction and style included). */
  firstFrameMs: number;
  /** Of which cytoscape's first render on the main thread. */
  firstRenderJsMs?: number;
  /** A user's drag-pan right after the first frame (older results: none). */
  drag?: PanMeasure;
  /** The same drag back after --settle-s seconds idle (older results: none). */
  dragSettled?: PanMeasure;
  /** The scripted, programmatic pan/zoom. */
  pan: PanMeasure;
}

/** Where the drag starts, in page pixels: a corner of the 1200 × 700 graph, outside the fitted spiral, so no node is grabbed. */
const DRAG_FROM = { x: 30, y: 30 };
const DRAG_STEP = { x: 8, y: 3 };

/**
 * A user's drag-pan of the network: Playwright's mouse down on the background, DRAG_MOVES moves,
 * up, and the frame after it. Frames: cytoscape's renders in that time; longest frame: the longest
 * gap between animation frames. `back`: the same path the other way, from where `forth` ended.
 */
async function dragNetwork(page: Page, direction: 'forth' | 'back'): Promise<PanMeasure> {
  const sign = direction === 'forth' ? 1 : -1;
  const from = direction === 'forth' ? DRAG_FROM : { x: DRAG_FROM.x + DRAG_MOVES * DRAG_STEP.x, y: DRAG_FROM.y + DRAG_MOVES * DRAG_STEP.y };
  const read = () =>
    page.evaluate(() => {
      const cy = (window as unknown as { __cy: { renderer: () => { redrawCount?: number; redrawTotalTime?: number }; pan: () => { x: number; y: number } } }).__cy;
      const r = cy.renderer();
      return { count: r.redrawCount ?? 0, js: r.redrawTotalTime ?? 0, pan: cy.pan() };
    });
  await page.mouse.move(from.x, from.y);
  const before = await read();
  await page.evaluate(FRAME_COUNTER);
  const t = performance.now();
  await page.mouse.down();
  for (let i = 1; i <= DRAG_MOVES; i++) await page.mouse.move(from.x + sign * i * DRAG_STEP.x, from.y + sign * i * DRAG_STEP.y);
  await page.mouse.up();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const elapsedMs = performance.now() - t;
  const maxFrameMs = (await stopFrameCounter(page)).max;
  const after = await read();
  // The view must have followed the mouse: a drag that grabbed a node would move the node instead.
  const moved = { x: after.pan.x - before.pan.x, y: after.pan.y - before.pan.y };
  if (Math.abs(moved.x - sign * DRAG_MOVES * DRAG_STEP.x) > 1 || Math.abs(moved.y - sign * DRAG_MOVES * DRAG_STEP.y) > 1) {
    throw new Error(`the drag moved the view by ${JSON.stringify(moved)}, not ${sign * DRAG_MOVES * DRAG_STEP.x},${sign * DRAG_MOVES * DRAG_STEP.y}`);
  }
  const frames = after.count - before.count;
  return { frames, elapsedMs: Math.round(elapsedMs), fps: round(frames / (elapsedMs / 1000), 2), maxFrameMs: Math.round(maxFrameMs), jsRenderMs: Math.round(after.js - before.js) };
}

async function measureNetwork(browser: Browser, harness: string, variant: NetworkVariant): Promise<NetworkRun> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${harness}/network.html?variant=${variant}`);
  try {
    await page.waitForFunction(() => (window as unknown as { __bench?: { ready?: boolean } }).__bench?.ready === true, null, { timeout: NETWORK_TIMEOUT_MS, polling: 1000 });
  } catch {
    await page.close({ runBeforeUnload: false }).catch(() => {});
    const none = { frames: 0, elapsedMs: 0, fps: 0, maxFrameMs: 0 };
    return { variant, elements: ELEMENTS, rendererWebgl: variant === 'webgl', firstFrameMs: NETWORK_TIMEOUT_MS, drag: none, dragSettled: none, pan: none, unfinished: true };
  }
  const b = await page.evaluate(
    () => (window as unknown as { __bench: { elements: number; rendererWebgl: boolean; graphics: NetworkRun['graphics']; firstFrameMs: number; firstRenderJsMs: number } }).__bench,
  );
  await page.waitForTimeout(500);
  const drag = await dragNetwork(page, 'forth');
  await page.waitForTimeout(SETTLE_MS);
  const dragSettled = await dragNetwork(page, 'back');
  await page.waitForTimeout(500);
  const pan = await page.evaluate((n) => (window as unknown as { __pan: (n: number) => Promise<Required<PanMeasure>> }).__pan(n), PAN_FRAMES);
  await page.close();
  if (errors.length) throw new Error(`network ${variant}: ${errors.join('; ')}`);
  return {
    variant,
    elements: b.elements,
    rendererWebgl: b.rendererWebgl,
    graphics: b.graphics,
    firstFrameMs: Math.round(b.firstFrameMs),
    firstRenderJsMs: Math.round(b.firstRenderJsMs),
    drag,
    dragSettled,
    pan: { frames: pan.frames, elapsedMs: Math.round(pan.elapsedMs), fps: round(pan.fps, 2), maxFrameMs: Math.round(pan.maxFrameMs), jsRenderMs: Math.round(pan.jsRenderMs) },
  };
}

/** Each variant measured on its own page of `browser`, logged as it goes. */
async function measureNetworkVariants(browser: Browser, harness: string, variants: readonly NetworkVariant[], label: string): Promise<NetworkRun[]> {
  const runs: NetworkRun[] = [];
  for (const variant of variants) {
    log(`network: ${label}${variant}…`);
    const run = await measureNetwork(browser, harness, variant);
    log(
      run.unfinished
        ? `  no first frame within ${run.firstFrameMs} ms`
        : `  ${run.elements} elements, webgl=${run.rendererWebgl}, first frame ${run.firstFrameMs} ms; ` +
            `drag ${run.drag?.fps} fps (${run.drag?.frames} frames, longest ${run.drag?.maxFrameMs} ms, cytoscape drawing ${run.drag?.jsRenderMs} of ${run.drag?.elapsedMs} ms); ` +
            `settled drag ${run.dragSettled?.fps} fps (longest ${run.dragSettled?.maxFrameMs} ms, cytoscape drawing ${run.dragSettled?.jsRenderMs} of ${run.dragSettled?.elapsedMs} ms); ` +
            `scripted ${run.pan.fps} fps (longest ${run.pan.maxFrameMs} ms, cytoscape drawing ${run.pan.jsRenderMs} of ${run.pan.elapsedMs} ms)`,
    );
    runs.push(run);
  }
  return runs;
}

/** Frame-rate ratios of `variants` to the default canvas measured beside them. */
function networkRatios(runs: readonly NetworkRun[], variants: readonly NetworkVariant[]): Record<string, number> {
  const fps = (v: NetworkVariant, m: 'drag' | 'dragSettled' | 'pan') => runs.find((r) => r.variant === v && !r.unfinished)?.[m]?.fps ?? 0;
  return Object.fromEntries(
    variants.flatMap((v) => [
      [`${v}VsDefaultDragFps`, ratio(fps(v, 'drag'), fps('default', 'drag'), 2)],
      [`${v}VsDefaultSettledDragFps`, ratio(fps(v, 'dragSettled'), fps('default', 'dragSettled'), 2)],
      [`${v}VsDefaultScriptedFps`, ratio(fps(v, 'pan'), fps('default', 'pan'), 2)],
    ]),
  );
}

async function webglInfo(browser: Browser): Promise<{ webgl2: boolean; renderer: string | null }> {
  const page = await browser.newPage();
  const info = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return { webgl2: false, renderer: null };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return { webgl2: true, renderer: String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) };
  });
  await page.close();
  return info;
}

// ---- data, app ----------------------------------------------------------------------------------

/** The same items vanilla gets as our canvas would draw: every event through lib/views/timeline-items. */
function vanillaItems() {
  const bundle = generateCase({ events: EVENTS, entities: ENTITIES, seed: SEED, caseId: CASE_ID });
  const events = bundle.events.map((e) => ({
    id: e.id,
    title: e.title,
    kind: e.kind,
    start: e.start,
    end: e.end ?? null,
    precision: e.precision,
    endPrecision: e.endPrecision ?? null,
    approximate: e.approximate,
    endApproximate: e.endApproximate ?? false,
    timeZone: e.timeZone ?? null,
    status: e.status,
    citationCount: e.citationIds.length,
    participantIds: [],
    sourceIds: [],
  }));
  // Plain content strings (vanilla has no template); same ids, dates, types and classes.
  return timelineItems(events).map(({ id, type, start, end, className, content }) => (end ? { id, type, start, end, className, content } : { id, type, start, className, content }));
}

/** ELEMENTS elements (2/5 entity nodes, 3/5 relationship edges) from lib/synth, placed by the large-graph layout. */
function networkData() {
  const bundle = generateCase({ events: 10, entities: Math.round(ELEMENTS / 2.5), seed: SEED, caseId: 'bench-network' });
  const graph: CaseGraph = {
    nodes: bundle.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases })),
    edges: bundle.relations.map((r) => ({ id: r.id, type: r.type, source: r.fromId, target: r.toId, validFrom: r.validFrom ?? null, validTo: r.validTo ?? null, citationCount: r.citationIds.length })),
    participations: [],
  };
  const elements = graphElements(graph);
  const positions = sunflowerPositions(
    graph.nodes.map((n) => n.id),
    graph.edges.map((e) => ({ source: e.source, target: e.target })),
  );
  const placed = elements.map((el) => (el.group === 'nodes' ? { ...el, position: positions.get(el.data.id) } : el));
  return {
    elements: placed,
    style: graphStylesheet(),
    lodStyle: levelOfDetailStyles(placed.length),
  };
}

async function ensureCase(): Promise<void> {
  const { getCaseCounts } = await import('../graph/import.repo');
  const have = await getCaseCounts(CASE_ID);
  if (have && have.events === EVENTS) return;
  log(`loading ${CASE_ID} (${EVENTS} events; once, later runs reuse it)…`);
  const { migrate } = await import('../graph/migrations');
  const { loadBundleChunked } = await import('../graph/bulk-load.repo');
  await migrate(log);
  await loadBundleChunked(generateCase({ events: EVENTS, entities: ENTITIES, seed: SEED, caseId: CASE_ID }), log);
}

async function startApp(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (args['app-url']) return { url: args['app-url'].replace(/\/$/, ''), stop: async () => {} };
  const distDir = process.env.TIMEWEAVE_DIST_DIR || '.next';
  if (!existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) throw new Error(`no build in ${distDir}: run \`npm run build\` (or set TIMEWEAVE_DIST_DIR)`);
  const url = `http://127.0.0.1:${args.port}`;
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(args.port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, TIMEWEAVE_BENCH_PAGES: '1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`app started at ${url} (pid ${child.pid})`);
  return {
    url,
    stop: async () => {
      // It may have exited already (the port was taken): then there is nothing to wait for.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---- main -------------------------------------------------------------------------------------------

runCli('bench:client', async () => {
  const doTimeline = !args['skip-timeline'];
  const doNetwork = !args['skip-network'];
  if (!doTimeline && !doNetwork) throw new Error('--skip-timeline and --skip-network: nothing to measure');
  if (doTimeline) await ensureCase();
  log('preparing the harness data…');
  const items = doTimeline ? vanillaItems() : [];
  const graph = doNetwork ? networkData() : null;
  const harness = await serveHarness({
    '/timeline.html': { type: 'text/html', body: VANILLA_TIMELINE_HTML },
    '/network.html': { type: 'text/html', body: NETWORK_HTML },
    '/items.json': { type: 'application/json', body: JSON.stringify(items) },
    '/graph.json': { type: 'application/json', body: JSON.stringify(graph) },
    '/large-graph.js': { type: 'text/javascript', body: doNetwork ? await largeGraphBundle() : '' },
    '/vis-timeline.js': { type: 'text/javascript', file: path.join(ROOT, 'node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js') },
    '/vis-timeline.css': { type: 'text/css', file: path.join(ROOT, 'node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css') },
    '/cytoscape.js': { type: 'text/javascript', file: path.join(ROOT, 'node_modules/cytoscape/dist/cytoscape.min.js') },
  });
  const app = doTimeline ? await startApp() : null;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const gl = await webglInfo(browser);
    log(`WebGL2: ${gl.webgl2 ? `yes (${gl.renderer})` : 'no'}`);
    const date = new Date().toISOString();
    let ours: TimelineRun | null = null;
    if (doTimeline) {
      log('timeline: ours (aggregation API)…');
      ours = await measureOurTimeline(browser, app!.url);
      log(`  first render ${ours.navigationToFirstRenderMs} ms, ${ours.domItems} DOM items, pan ${ours.pan.fps} fps`);
    }
    let network: NetworkSection | null = null;
    if (doNetwork) {
      const runs = await measureNetworkVariants(browser, harness.url, NETWORK_VARIANTS, '');
      log(`network, CPU-rasterised canvas (${CPU_CANVAS_ARGS.at(-1)})…`);
      const cpuBrowser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CPU_CANVAS_ARGS });
      const cpuRuns = await measureNetworkVariants(cpuBrowser, harness.url, CPU_CANVAS_VARIANTS, 'CPU canvas: ').finally(() => cpuBrowser.close());
      network = {
        measuredAt: date,
        panFrames: PAN_FRAMES,
        dragMoves: DRAG_MOVES,
        settleS: SETTLE_MS / 1000,
        runs,
        ratios: networkRatios(runs, ['lod', 'webgl', 'ours']),
        cpuCanvas: { chromiumArgs: CPU_CANVAS_ARGS, runs: cpuRuns, ratios: networkRatios(cpuRuns, ['ours']) },
      };
    }
    let timeline: TimelineSection | null = null;
    if (ours) {
      log(`timeline: vanilla vis-timeline with ${items.length} items (slow)…`);
      const vanilla = await measureVanillaTimeline(browser, harness.url);
      log(`  first render ${vanilla.navigationToFirstRenderMs} ms, ${vanilla.domItems} DOM items, pan ${vanilla.pan.fps} fps`);
      timeline = {
        measuredAt: date,
        case: CASE_ID,
        events: EVENTS,
        ours,
        vanilla,
        ratios: {
          firstRenderFromNavigation: ratio(vanilla.navigationToFirstRenderMs, ours.navigationToFirstRenderMs),
          firstRenderFromMount: ratio(vanilla.mountToFirstRenderMs, ours.mountToFirstRenderMs),
          domItems: ratio(vanilla.domItems, ours.domItems),
          panFps: ratio(ours.pan.fps, vanilla.pan.fps),
        },
      };
    }
    // A partial run keeps the other part from the previous results, with the date it was measured.
    const previous = readPreviousResult();
    const chromiumVersion = browser.version();
    const result: Result = {
      date,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), loadAverage1m: round(os.loadavg()[0] ?? 0, 2), platform: `${os.platform()} ${os.release()}`, node: process.version, chromium: chromiumVersion, shared: true },
      chromiumArgs: CHROMIUM_ARGS,
      webgl: gl,
      timeline: timeline ?? keptSection(previous, 'timeline'),
      network: network ?? keptSection(previous, 'network'),
    };
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path.join(OUT_DIR, 'client.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(path.join(OUT_DIR, 'client.md'), markdown(result));
    log(`written bench/results/client.json and client.md${timeline && network ? '' : ` (${timeline ? 'network' : 'timeline'} kept from ${(timeline ? result.network : result.timeline)?.measuredAt ?? 'nowhere: none before'})`}`);
  } finally {
    await browser.close();
    await app?.stop();
    harness.close();
    if (doTimeline) {
      const { closeDriver } = await import('../graph/driver');
      await closeDriver();
    }
  }
});

/** lib/views/large-graph.ts for the network page, bundled as the global TwLargeGraph (esbuild comes with tsx). */
async function largeGraphBundle(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [path.join(ROOT, 'lib/views/large-graph.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'TwLargeGraph',
    platform: 'browser',
    target: 'es2020',
    write: false,
  });
  return out.outputFiles[0]!.text;
}

function readPreviousResult(): Partial<Result> | null {
  const file = path.join(OUT_DIR, 'client.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<Result>;
  } catch {
    return null;
  }
}

/** A section of the previous results, stamped with when it was measured (older files: their date). */
function keptSection<K extends 'timeline' | 'network'>(previous: Partial<Result> | null, key: K): Result[K] {
  const section = previous?.[key];
  if (!section) return null as Result[K];
  return { ...section, measuredAt: section.measuredAt ?? previous?.date ?? 'unknown' } as Result[K];
}

function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function ratio(a: number, b: number, digits = 1): number {
  return b > 0 ? round(a / b, digits) : 0;
}

interface TimelineSection {
  /** When this section was measured: the run's date, or an earlier one's when the run skipped it. */
  measuredAt: string;
  case: string;
  events: number;
  ours: TimelineRun;
  vanilla: TimelineRun;
  ratios: Record<string, number>;
}

interface NetworkSection {
  measuredAt: string;
  /** Frames of the scripted pan/zoom (older results: a 3000 ms pan, no such field). */
  panFrames?: number;
  /** Mouse moves of the drag-pan, and the idle seconds before the second (older results: none). */
  dragMoves?: number;
  settleS?: number;
  runs: NetworkRun[];
  ratios: Record<string, number>;
  /** The second pass, in Chromium with CPU_CANVAS_ARGS (older results: none). */
  cpuCanvas?: { chromiumArgs: string[]; runs: NetworkRun[]; ratios: Record<string, number> };
}

type Result = {
  date: string;
  machine: Record<string, unknown>;
  webgl: { webgl2: boolean; renderer: string | null };
  chromiumArgs: string[];
  timeline: TimelineSection | null;
  network: NetworkSection | null;
};

function markdown(r: Result): string {
  const m = r.machine;
  const kept = (section: { measuredAt: string }) => (section.measuredAt === r.date ? [] : [`Not re-measured in this run: these are the results of the run of ${section.measuredAt} (machine and load as then).`, '']);
  const lines = [
    `# Client benchmark (${r.date})`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}, Chromium ${m.chromium}; load average ${m.loadAverage1m} at the end.`,
    'The machine is shared with other work: absolute numbers are noisy, the side-by-side ratios (same Chromium run) are what to read.',
    `WebGL: ${r.webgl.webgl2 ? `WebGL2 available, renderer "${r.webgl.renderer}"` : 'no WebGL2 context'} (Chromium flags: \`${r.chromiumArgs.filter((a) => /angle|swiftshader|gpu/.test(a)).join(' ')}\`).`,
    '',
  ];
  const t = r.timeline;
  if (t) {
    // Vanilla that never finished: its time, and so each ratio, is a lower bound.
    const gt = t.vanilla.finished ? '' : '≥ ';
    const vanillaPanned = t.vanilla.pan.frames > 0;
    lines.push(
      `## Timeline: ${t.events.toLocaleString('en')} events`,
      '',
      ...kept(t),
      '| | vanilla vis-timeline (same items) | ours (aggregation API) | ratio |',
      '| --- | ---: | ---: | ---: |',
      `| first render, from navigation (ms) | ${gt}${t.vanilla.navigationToFirstRenderMs} | ${t.ours.navigationToFirstRenderMs} | ${gt}${t.ratios.firstRenderFromNavigation}× faster |`,
      `| first render, from construction / mount (ms) | ${gt}${t.vanilla.mountToFirstRenderMs} | ${t.ours.mountToFirstRenderMs} | ${gt}${t.ratios.firstRenderFromMount}× faster |`,
      `| DOM items (.vis-item) | ${t.vanilla.domItems} | ${t.ours.domItems} | ${t.ratios.domItems}× fewer |`,
      // A vanilla pan that never finished (or never started) has no frame rate: not a 0× ratio.
      `| drag-pan: frames/s | ${vanillaPanned ? t.vanilla.pan.fps : 'not measured'} | ${t.ours.pan.fps} | ${vanillaPanned ? `${t.ratios.panFps}×` : ''} |`,
      `| drag-pan: longest frame (ms) | ${vanillaPanned ? t.vanilla.pan.maxFrameMs : 'not measured'} | ${t.ours.pan.maxFrameMs} | |`,
      `| drag-pan: wall time of the same 60 moves (ms) | ${vanillaPanned ? t.vanilla.pan.elapsedMs : t.vanilla.pan.elapsedMs > 0 ? `> ${t.vanilla.pan.elapsedMs} (gave up)` : 'not measured'} | ${t.ours.pan.elapsedMs} | |`,
      '',
      `Vanilla: ${t.vanilla.note}. Ours: ${t.ours.note}; its first render includes the API request and the database query.`,
      '',
    );
  }
  const net = r.network;
  if (net) {
    const n = net.runs;
    const ours = n.find((x) => x.variant === 'ours');
    const sequence = net.dragMoves
      ? `a user's drag-pan at once (${net.dragMoves} mouse moves on the background); the same drag back after ${net.settleS} s idle; a ${net.panFrames}-frame scripted pan/zoom (programmatic, as zoom buttons move the view)`
      : `a ${net.panFrames ?? '3000 ms'}-frame scripted pan/zoom`;
    lines.push(
      `## Network: ${n[0]?.elements.toLocaleString('en')} elements, preset positions (layout excluded)`,
      '',
      ...kept(net),
      `Each variant, on its own page: its first frame, then ${sequence}; the same moves and viewports for every variant.`,
      'Each cell: frames/s (vs the default canvas); longest frame (ms); cytoscape drawing / wall time (ms).',
      '',
      ...networkTable(n),
      '',
      ...(ours?.graphics
        ? [
            `Ours is what the app picks in this browser (renderingOptions with probeGraphics): ${
              ours.graphics.webgl2 ? (ours.graphics.softwareRenderer ? 'WebGL2 is there but emulated on the CPU (a software renderer), so the canvas renderer' : 'WebGL2 on a GPU, so the WebGL renderer') : 'no WebGL2, so the canvas renderer'
            }, with our level of detail (labels only when legible, edges coarse until arrows are).`,
            '',
          ]
        : []),
      'First frame: from `cytoscape(…)` (construction, adding and styling every element included) to the frame after its first render. ' +
        'Drag-pan: from mouse down to the frame after mouse up; frames are cytoscape renders. The canvas renderer caches the graph in layers (images per zoom level) while idle, then pans by drawing those; the WebGL renderer draws every element every frame. ' +
        'Cytoscape drawing: its render calls on the main thread; the rest of the wall time is mostly the browser waiting for the GPU process, which under SwiftShader rasterises on the same CPUs.',
      '',
    );
    if (net.cpuCanvas) {
      lines.push(
        '### Same elements, Chromium with no GPU (2D canvas rasterised by the CPU)',
        '',
        `Chromium flags: \`${net.cpuCanvas.chromiumArgs.join(' ')}\`. The SwiftShader flags of the run above also put the 2D canvas on the emulated GPU; most GPU-less browsers rasterise it on the CPU instead, which changes what each frame costs. The same pages, moves and viewports.`,
        '',
        ...networkTable(net.cpuCanvas.runs),
        '',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The network variants' table: each against the default canvas of the same runs. */
function networkTable(n: readonly NetworkRun[]): string[] {
  const base = n.find((x) => x.variant === 'default' && !x.unfinished);
  type Measure = 'drag' | 'dragSettled' | 'pan';
  const vs = (x: NetworkRun, m: Measure) => {
    const b = base?.[m]?.fps;
    const v = x[m]?.fps;
    return b && v !== undefined ? `${ratio(v, b, 2)}×` : '–';
  };
  const cell = (x: NetworkRun, m: Measure) => {
    const p = x[m];
    return p ? `${p.fps} (${vs(x, m)}); longest ${p.maxFrameMs}; ${p.jsRenderMs ?? '–'} / ${p.elapsedMs}` : '–';
  };
  return [
    '| variant | renderer | first frame (ms) | drag-pan at once | drag-pan after settling | scripted pan/zoom |',
    '| --- | --- | ---: | --- | --- | --- |',
    ...n.map((x) =>
      x.unfinished
        ? `| ${VARIANT_LABEL[x.variant] ?? x.variant} | – | no first frame within ${x.firstFrameMs} | not measured | not measured | not measured |`
        : `| ${VARIANT_LABEL[x.variant] ?? x.variant} | ${x.rendererWebgl ? 'WebGL' : 'canvas'} | ${x.firstFrameMs} | ${cell(x, 'drag')} | ${cell(x, 'dragSettled')} | ${cell(x, 'pan')} |`,
    ),
  ];
}

const VARIANT_LABEL: Record<string, string> = {
  default: "cytoscape's default canvas renderer (our stylesheet as is)",
  lod: 'canvas + our level of detail (labels, edges)',
  webgl: 'WebGL renderer + our level of detail',
  ours: 'ours: what the app picks here (+ our level of detail)',
};
