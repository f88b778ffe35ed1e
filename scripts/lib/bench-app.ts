/**
 * The app half of `npm run bench`: build the app into its own dist dir, serve it with `next start`
 * against the bench Neo4j, load-test the case page's API (issue 8: 200 concurrent readers for 60 s
 * on loopback) and weigh the case page's JavaScript in Chromium.
 *
 * The load generator is autocannon (kept by the Node.js performance community, used by Fastify's
 * own benchmarks): it pipelines HTTP/1.1 on raw sockets with an HdrHistogram, so 200 connections
 * cost the 2-core machine far less than 200 fetch loops would, and its numbers are comparable
 * with everyone else's. Latencies are also recorded per response here, because autocannon's
 * summary has p97.5 but no p95.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..', '..');
const NEXT = path.join(ROOT, 'node_modules', '.bin', 'next');

export interface AppOptions {
  port: number;
  distDir: string;
  log: (m: string) => void;
}

/** `next build` into distDir; resolves with the build's wall time, rejects on failure. */
export async function buildApp(o: AppOptions): Promise<number> {
  const t = performance.now();
  const out: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(NEXT, ['build'], {
      cwd: ROOT,
      env: { ...process.env, TIMEWEAVE_DIST_DIR: o.distDir, NEXT_TELEMETRY_DISABLED: '1', TIMEWEAVE_BUILD_SKIP_TYPECHECK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (b: Buffer) => out.push(b.toString());
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${out.join('').slice(-3000)}`);
  return performance.now() - t;
}

export function hasBuild(distDir: string): boolean {
  return existsSync(path.join(ROOT, distDir, 'BUILD_ID'));
}

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

/** `next start` on 127.0.0.1:port in its own process group (stopped by pid, never by name). */
export async function startApp(o: AppOptions): Promise<RunningApp> {
  const child: ChildProcess = spawn(NEXT, ['start', '-p', String(o.port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, TIMEWEAVE_DIST_DIR: o.distDir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const tail: string[] = [];
  const keep = (b: Buffer) => {
    tail.push(b.toString());
    if (tail.length > 50) tail.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${o.port}`;
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const gone = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${tail.join('')}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not answer /api/health within 120 s:\n${tail.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  o.log(`app ready at ${baseUrl} (pid ${child.pid})`);
  return { baseUrl, stop };
}

/**
 * The reads the case page makes, with real ids from the case: the page's own API calls (event and
 * entity details on selection, search as you type, the embed dialog's version) and the read API a
 * client of the case uses (events page and window, the graph and the graph as of a window, a
 * neighbourhood). Deterministic order, so two runs send the same mix.
 */
export async function caseReadPaths(baseUrl: string, caseId: string): Promise<string[]> {
  const c = encodeURIComponent(caseId);
  const page = (await (await fetch(`${baseUrl}/api/cases/${c}/events`)).json()) as { events: Array<{ id: string; start: string }> };
  const graph = (await (await fetch(`${baseUrl}/api/cases/${c}/graph`)).json()) as { nodes: Array<{ id: string }> };
  if (!page.events?.length || !graph.nodes?.length) throw new Error(`the case ${caseId} has no events or entities to read`);
  const month = page.events[Math.floor(page.events.length / 2)]!.start.slice(0, 7);
  const paths = [
    `/api/cases/${c}/events`,
    `/api/cases/${c}/events?from=${month}&to=${month}&limit=100`,
    `/api/cases/${c}/graph`,
    `/api/cases/${c}/graph?from=${month}&to=${month}`,
    `/api/cases/${c}/version`,
  ];
  for (const q of ['CSTO', 'ОДКБ', 'Tokayev', 'laboratoire', 'Almaty', 'allegedly']) paths.push(`/api/search?${new URLSearchParams({ caseId, q })}`);
  for (const e of page.events.slice(0, 12)) paths.push(`/api/events/${e.id}`);
  for (const n of graph.nodes.slice(0, 10)) paths.push(`/api/entities/${n.id}`);
  for (const n of graph.nodes.slice(0, 3)) paths.push(`/api/entities/${n.id}/neighbourhood?hops=2`);
  return paths;
}

/** Each path alone, sequentially (median of 3, warm): which reads are slow before any concurrency. */
export async function soloLatencies(baseUrl: string, paths: string[]): Promise<Array<{ path: string; status: number; ms: number }>> {
  const out: Array<{ path: string; status: number; ms: number }> = [];
  for (const p of paths) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const res = await fetch(`${baseUrl}${p}`);
      await res.arrayBuffer();
      status = res.status;
      times.push(performance.now() - t);
    }
    out.push({ path: p, status, ms: +times.sort((a, b) => a - b)[1]!.toFixed(1) });
  }
  return out.sort((a, b) => b.ms - a.ms);
}

export interface LoadResult {
  connections: number;
  seconds: number;
  distinctPaths: number;
  requests: number;
  throughputPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  autocannonLatencyMs: { p50: number; p97_5: number; p99: number };
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export async function loadTest(baseUrl: string, paths: string[], connections: number, seconds: number): Promise<LoadResult> {
  let i = 0;
  const times: number[] = [];
  let done!: (r: autocannon.Result) => void;
  let failed!: (e: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        // Every request takes the next path of the mix, whichever connection sends it.
        setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }),
      },
    ],
  }, (err, result) => (err ? failed(err) : done(result)));
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
  });
  const r = await finished;
  times.sort((a, b) => a - b);
  const q = (p: number) => (times.length ? +times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!.toFixed(1) : NaN);
  const statuses: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = (v as { count: number }).count;
  return {
    connections,
    seconds,
    distinctPaths: paths.length,
    requests: r.requests.total,
    throughputPerSecond: +(r.requests.total / seconds).toFixed(1),
    latencyMs: { p50: q(50), p95: q(95), p99: q(99), max: times.at(-1) ?? NaN },
    autocannonLatencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99 },
    statuses,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

export interface PageWeight {
  url: string;
  /** Scripts the server-rendered HTML names (what must load before the page is interactive). */
  initial: { files: number; rawBytes: number; transferredBytes: number };
  /** Every script fetched until the network is idle (adds the views loaded lazily after mount). */
  afterIdle: { files: number; rawBytes: number; transferredBytes: number };
  contentEncoding: string[];
}

/**
 * Loads the page in Debian's Chromium (as the e2e tests do) and sums the JavaScript: raw = the
 * decoded body, transferred = bytes on the wire (gzip from next start), per Chromium's own sizes.
 */
export async function pageWeight(baseUrl: string, pagePath: string): Promise<PageWeight> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const scripts: Array<{ url: string; raw: number; transferred: number; encoding: string }> = [];
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      pending.push(
        (async () => {
          const body = await res.body().catch(() => Buffer.alloc(0));
          const sizes = await res.request().sizes().catch(() => null);
          scripts.push({ url: res.url(), raw: body.length, transferred: sizes?.responseBodySize ?? body.length, encoding: (await res.allHeaders())['content-encoding'] ?? 'identity' });
        })(),
      );
    });
    const url = `${baseUrl}${pagePath}`;
    const doc = await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const html = (await doc?.text()) ?? '';
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
    await Promise.all(pending);
    const named = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1]!.replaceAll('&amp;', '&'), url).href));
    const sum = (xs: typeof scripts) => ({ files: xs.length, rawBytes: xs.reduce((s, x) => s + x.raw, 0), transferredBytes: xs.reduce((s, x) => s + x.transferred, 0) });
    return {
      url: pagePath,
      initial: sum(scripts.filter((s) => named.has(s.url))),
      afterIdle: sum(scripts),
      contentEncoding: [...new Set(scripts.map((s) => s.encoding))],
    };
  } finally {
    await browser.close();
  }
}
