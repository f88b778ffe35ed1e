/**
 * `npm run bench`: the server-side scale benchmarks (issue 7) and the load test (issue 8). Every
 * ratio is stated beside the peer it was measured against in the same run, interleaved where it
 * can be: absolute times on a shared 2-core machine are noise, ratios measured side by side are not.
 *
 *   import   batched UNWIND writes (graph/queries/import.queries.ts) vs the same Cypher once per
 *            row, same data, one transaction each; rows/s of both and the ratio
 *   latency  at 10k and 100k events (1M with --large): the events window page, neighbourhood 1 and
 *            2 hops, search, through the repository functions vs the bare driver running the same
 *            Cypher (p50/p95, p95 ratio); the window query's database time and every query's PROFILE
 *   load     `next build` into .next-bench, `next start` on TIMEWEAVE_BENCH_APP_PORT (3196), 200
 *            concurrent readers for 60 s on the case page's API (autocannon); statuses, p50/p95/p99
 *   weight   the case page's JavaScript in Chromium: what the HTML names and all after idle, raw and gzip
 *
 * Flags: --only import,latency,load,weight   --large   --sizes 10000,100000   --iterations 40
 *        --import-events 300 (per-row peer size)   --load-seconds 60   --connections 200
 *        --reuse-build (skip next build when .next-bench has one)   --report-only (rewrite scale.md from scale.json)
 *
 * Runs against its own Neo4j: port TIMEWEAVE_BENCH_NEO4J_PORT (7696), data .neo4j/bench-<port>
 * (heap 2g, page cache 1g unless TIMEWEAVE_NEO4J_HEAP/PAGECACHE say otherwise); reused if already
 * running, stopped at the end only if this run started it. Generated cases are kept between runs
 * (only the first run at a size pays for loading it). Results: bench/results/scale.{json,md}; a run
 * of some sections keeps the other sections' last results (each with its own date).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    large: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    iterations: { type: 'string', default: '40' },
    'import-events': { type: 'string', default: '300' },
    'load-seconds': { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    'reuse-build': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
  },
});
const SECTIONS = ['import', 'latency', 'load', 'weight'] as const;
type Section = (typeof SECTIONS)[number];
const only = new Set((args.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim()));
for (const s of only) if (!SECTIONS.includes(s as Section)) throw new Error(`--only: unknown section "${s}" (sections: ${SECTIONS.join(', ')})`);
const run = (s: Section) => only.has(s);

const port = Number(process.env.TIMEWEAVE_BENCH_NEO4J_PORT || 7696);
const APP_PORT = Number(process.env.TIMEWEAVE_BENCH_APP_PORT || 3196);
const DIST_DIR = process.env.TIMEWEAVE_BENCH_DIST_DIR || '.next-bench';
process.env.TIMEWEAVE_NEO4J_PORT = String(port);
process.env.TIMEWEAVE_NEO4J_DATA = process.env.TIMEWEAVE_BENCH_NEO4J_DATA || path.join('.neo4j', `bench-${port}`);
process.env.TIMEWEAVE_NEO4J_HEAP ||= '2g';
process.env.TIMEWEAVE_NEO4J_PAGECACHE ||= '1g';
delete process.env.NEO4J_URI; // the bench always uses its own instance

const SIZES = args.sizes ? args.sizes.split(',').map(Number) : args.large ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
const ITER = Number(args.iterations);
/** Rounds of each query, both paths, before the timed ones (latency). */
const WARMUP = 10;
const IMPORT_EVENTS = Number(args['import-events']);
const LOAD_SECONDS = Number(args['load-seconds']);
const CONNECTIONS = Number(args.connections);
const SAMPLE_CASE = 'kazakhstan-2022-01';
/** The larger page the window query is also timed at, beside the API's default. */
const WIDE_PAGE = 500;
const RESULTS = 'bench/results/scale.json';
const log = (m: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${m}`);

async function main() {
  const t0 = performance.now();
  // Imported after the environment is set: the driver reads it once.
  const { start, stop, neo4jVersion } = await import('../graph/local-neo4j');
  const { closeDriver } = await import('../graph/driver');
  const { migrate } = await import('../graph/migrations');

  const started = await start({ log, timeoutMs: 600_000 });
  const machine = {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    neo4j: neo4jVersion(),
    neo4jHeap: process.env.TIMEWEAVE_NEO4J_HEAP,
    neo4jPageCache: process.env.TIMEWEAVE_NEO4J_PAGECACHE,
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(1)),
    loadAverageAtEnd: [] as number[],
    date: new Date().toISOString(),
    git: safe(() => execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()),
  };
  log(`machine: ${JSON.stringify(machine)}; sections: ${[...only].join(', ')}`);
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : null;
  const result: Results = { machine, sections: { ...(previous?.sections ?? {}) } };
  const stamp = { date: machine.date, loadAverage: machine.loadAverageAtStart };
  try {
    await migrate(log);
    if (run('import')) result.sections.import = { ...stamp, ...(await importBench()) };
    if (run('latency')) result.sections.latency = { ...stamp, ...(await latencyBench(previous?.sections.latency ?? null)) };
    if (run('load') || run('weight')) {
      // A failed build or app start is a result too: the sections measured before it are kept.
      const app = await appBench().catch((e: unknown) => {
        const error = e instanceof Error ? e.message.slice(0, 2000) : String(e);
        log(`app sections failed: ${error}`);
        return { load: { error }, weight: { error } };
      });
      if (run('load')) result.sections.load = { ...stamp, ...app.load };
      if (run('weight')) result.sections.weight = { ...stamp, ...app.weight };
    }
  } finally {
    machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(1));
    await closeDriver();
    if (!started.reused) await stop({ log });
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(result, null, 2) + '\n');
  writeFileSync('bench/results/scale.md', markdown(result));
  log(`written bench/results/scale.json and bench/results/scale.md (${ms(performance.now() - t0)} in all)`);
}

// ---- import: batched UNWIND vs one MERGE per row ---------------------------------------------

async function importBench() {
  const { getDriver } = await import('../graph/driver');
  const { deleteCase, getCaseCounts } = await import('../graph/import.repo');
  const { encodeBundle } = await import('../graph/encode');
  const Q = await import('../graph/queries/import.queries');
  const { generateCase } = await import('../lib/synth/generate');
  const { RELATION_TYPES } = await import('../lib/model/vocab');
  const driver = getDriver();

  const bundle = generateCase({ events: IMPORT_EVENTS, entities: Math.max(30, Math.round(IMPORT_EVENTS / 10)), seed: 7, caseId: 'bench-import' });
  const rows = encodeBundle(bundle);
  const caseId = rows.caseId;
  const relOf = (t: string) => rows.relations.filter((r) => r.type === t);
  const records = rows.sources.length + rows.citations.length + rows.entities.length + rows.events.length + rows.participations.length + rows.relations.length;
  // Both sides write the same rows with the same statements in one transaction: the only difference
  // is one UNWIND over all rows vs one round trip and one statement execution per row.
  const write = async (perRow: boolean) => {
    await deleteCase(caseId);
    const t = performance.now();
    const s = driver.session();
    try {
      await s.executeWrite(async (tx) => {
        const each = async (cypher: string, list: readonly unknown[], extra: Record<string, unknown> = {}) => {
          if (!list.length) return;
          if (!perRow) await tx.run(cypher, { ...extra, rows: list });
          else for (const r of list) await tx.run(cypher, { ...extra, rows: [r] });
        };
        await tx.run(Q.MERGE_CASE, { case: rows.case });
        await each(Q.MERGE_SOURCES, rows.sources, { caseId });
        await each(Q.MERGE_CITATIONS, rows.citations);
        await each(Q.MERGE_ENTITIES, rows.entities, { caseId });
        await each(Q.WRITE_EVENTS, rows.events, { caseId });
        await each(Q.WRITE_PARTICIPATIONS, rows.participations);
        for (const type of RELATION_TYPES) await each(Q.WRITE_RELATIONS[type], relOf(type));
      });
    } finally {
      await s.close();
    }
    return performance.now() - t;
  };
  log(`import: ${IMPORT_EVENTS} events = ${records} records; warm-up, then batched, per-row, batched (interleaved)`);
  // Untimed: the first write pays for planning every statement and warming the page cache.
  log(`  warm-up (batched, untimed) ${ms(await write(false))}`);
  const b1 = await write(false);
  log(`  batched ${ms(b1)}`);
  const p = await write(true);
  log(`  per-row ${ms(p)}`);
  const b2 = await write(false);
  log(`  batched ${ms(b2)}`);
  const counts = await getCaseCounts(caseId);
  await deleteCase(caseId);
  // Conservative: the per-row time against the slower of the two batched runs.
  const slower = Math.max(b1, b2);
  const out = {
    events: IMPORT_EVENTS,
    records,
    counts,
    batchedMs: [round(b1), round(b2)],
    perRowMs: round(p),
    batchedRecordsPerSecond: Math.round(records / (slower / 1000)),
    perRowRecordsPerSecond: Math.round(records / (p / 1000)),
    ratio: +(p / slower).toFixed(1),
  };
  log(`  batched ${out.batchedRecordsPerSecond} records/s vs per-row ${out.perRowRecordsPerSecond} records/s: ${out.ratio}×`);
  return out;
}

// ---- latency: repository vs bare driver, as the case grows -------------------------------------

interface LoadInfo {
  events: number;
  records: number;
  ms: number;
  recordsPerSecond: number;
  date: string;
}

/**
 * Loads a generated case with the batched import queries, in chunks of one transaction each (the
 * user path, importCaseBundle, holds a whole case in one transaction: right for a user's import,
 * needlessly heavy on a 1M-event setup). Returns the batched rate at this size.
 */
async function loadGenerated(caseId: string, size: number): Promise<LoadInfo> {
  const { loadBundleChunked } = await import('../graph/bulk-load.repo');
  const { generateCase } = await import('../lib/synth/generate');
  log(`  generating ${size} events…`);
  const bundle = generateCase({ events: size, entities: Math.max(100, Math.round(size / 10)), seed: 42, caseId });
  const t = performance.now();
  const { records } = await loadBundleChunked(bundle, log);
  const took = performance.now() - t;
  return { events: size, records, ms: round(took), recordsPerSecond: Math.round(records / (took / 1000)), date: new Date().toISOString() };
}

async function latencyBench(previous: LatencySection | null) {
  const { getDriver, neo4j } = await import('../graph/driver');
  const { getCaseCounts } = await import('../graph/import.repo');
  const R = await import('../graph/queries/read.queries');
  const T = await import('../graph/queries/timeline.queries');
  const { getTimelineWindow, narrowSpanSeconds } = await import('../graph/timeline.repo');
  const { EVENTS_THRESHOLD, planBuckets } = await import('../lib/views/timeline-buckets');
  const { listEventsPage } = await import('../graph/cases.repo');
  const { getEntityNeighbourhood } = await import('../graph/neighbourhood.repo');
  const { searchCase, searchParams } = await import('../graph/search.repo');
  const L = await import('../graph/queries/large-case.queries');
  const { getEventFacets } = await import('../graph/large-case.repo');
  const { luceneQuery } = await import('../lib/search/lucene');
  const { EVENTS_PAGE_DEFAULT, NEIGHBOURHOOD_DEFAULT_LIMIT } = await import('../lib/api/params');
  const driver = getDriver();
  const read = (cypher: string, params: Record<string, unknown>) => driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });

  const sizes: LatencyEntry[] = [];
  for (const size of SIZES) {
    const cid = `bench-${size}`;
    const have = await getCaseCounts(cid);
    let load: LoadInfo | null = previous?.sizes.find((s) => s.size === size)?.load ?? null;
    if (!have || have.events !== size) {
      log(`latency: loading ${size} events (once; later runs reuse it)`);
      load = await loadGenerated(cid, size);
      log(`  loaded ${load.records} records in ${ms(load.ms)}: ${load.recordsPerSecond} records/s`);
    }
    // Inputs from the data itself: the busiest month, a hub and a mid-degree entity.
    const pick = await read(
      `MATCH (e:Event) WHERE e.caseId = $cid WITH substring(toString(e.startAt), 0, 7) AS m, count(*) AS n ORDER BY n DESC LIMIT 1 RETURN m, n`,
      { cid },
    );
    const month = pick.records[0]!.get('m') as string;
    const ents = await read(
      `MATCH (n:Entity) WHERE n.caseId = $cid WITH n, COUNT { (n)-[:PARTICIPATES_IN]->() } AS d ORDER BY d DESC, n.id RETURN collect(n.id) AS ids, collect(d) AS ds`,
      { cid },
    );
    const ids = ents.records[0]!.get('ids') as string[];
    const ds = (ents.records[0]!.get('ds') as Array<{ toNumber(): number }>).map((d) => d.toNumber());
    const hub = ids[0]!;
    const mid = ids[Math.floor(ids.length / 2)]!;
    const [y, m] = month.split('-').map(Number);
    const from = new Date(Date.UTC(y!, m! - 1, 1)).toISOString();
    const to = new Date(Date.UTC(y!, m!, 1)).toISOString();
    const q = 'reportedly deployed';
    // The zoomed-out timeline's parameters, as graph/timeline.repo.ts derives them from the extent.
    const zoomedOut = await (async () => {
      const DAY = 86_400_000;
      const base = { caseId: cid, hideKinds: [], hideStatuses: [] };
      const ext = (await read(T.TIMELINE_EXTENT, base)).records[0]!;
      const fromMs = (ext.get('first') as { toNumber(): number }).toNumber();
      const toMs = Math.max((ext.get('last') as { toNumber(): number }).toNumber(), fromMs + 1);
      const plan = planBuckets(fromMs, toMs, 100);
      const iso = (ms: number) => new Date(ms).toISOString();
      const dayParams = {
        ...base, from: iso(fromMs), to: iso(toMs), origin: plan.origin, widthMs: plan.widthMs, count: neo4j.int(plan.count),
        coreFrom: iso(Math.ceil(fromMs / DAY) * DAY), coreTo: iso(Math.floor(toMs / DAY) * DAY),
      };
      const probeParams = { ...base, from: iso(fromMs), to: iso(toMs), narrowSpan: narrowSpanSeconds(fromMs, toMs), limit: neo4j.int(EVENTS_THRESHOLD + 1) };
      return { base, dayParams, probeParams };
    })();
    // The exact parameters the repositories send, so "bare" differs only by what the repository adds.
    const windowParams = { caseId: cid, from, to, afterStart: '0001-01-01T00:00:00Z', afterId: '', limit: neo4j.int(EVENTS_PAGE_DEFAULT + 1) };
    const hood = (id: string) => ({ id, limit: neo4j.int(NEIGHBOURHOOD_DEFAULT_LIMIT) });
    const cases: Array<{ name: string; cypher: string; params: Record<string, unknown>; repo: () => Promise<unknown>; bare: () => Promise<unknown> }> = [
      {
        name: `events window page (busiest month, limit ${EVENTS_PAGE_DEFAULT})`,
        cypher: R.LIST_EVENTS_PAGE,
        params: windowParams,
        repo: () => listEventsPage(cid, { window: { from, to } }),
        bare: () => Promise.all([read(R.GET_CASE, { caseId: cid }), read(R.LIST_EVENTS_PAGE, windowParams)]),
      },
      { name: 'neighbourhood 1 hop (mid-degree entity)', cypher: R.ENTITY_NEIGHBOURHOOD[1], params: hood(mid), repo: () => getEntityNeighbourhood(mid, 1), bare: () => read(R.ENTITY_NEIGHBOURHOOD[1], hood(mid)) },
      { name: 'neighbourhood 2 hops (mid-degree entity)', cypher: R.ENTITY_NEIGHBOURHOOD[2], params: hood(mid), repo: () => getEntityNeighbourhood(mid, 2), bare: () => read(R.ENTITY_NEIGHBOURHOOD[2], hood(mid)) },
      { name: 'neighbourhood 1 hop (hub entity)', cypher: R.ENTITY_NEIGHBOURHOOD[1], params: hood(hub), repo: () => getEntityNeighbourhood(hub, 1), bare: () => read(R.ENTITY_NEIGHBOURHOOD[1], hood(hub)) },
      { name: 'neighbourhood 2 hops (hub entity)', cypher: R.ENTITY_NEIGHBOURHOOD[2], params: hood(hub), repo: () => getEntityNeighbourhood(hub, 2), bare: () => read(R.ENTITY_NEIGHBOURHOOD[2], hood(hub)) },
      {
        // The large case's first view: its whole extent in 100 buckets, from the day rollups.
        name: 'timeline, whole case zoomed out (100 buckets)',
        cypher: T.TIMELINE_DAY_STATUS_ROLLUPS,
        params: zoomedOut.dayParams,
        repo: () => getTimelineWindow(cid, {}, { buckets: 100, hideKind: [], hideStatus: [] }),
        // The repository's queries in its order: the case check beside the extent, the probe that
        // finds the window too full to list, then the rollups beside the window's edges.
        bare: async () => {
          await Promise.all([read(R.GET_CASE, { caseId: cid }), read(T.TIMELINE_EXTENT, zoomedOut.base)]);
          await read(T.TIMELINE_WINDOW_PROBE, zoomedOut.probeParams);
          return Promise.all([read(T.TIMELINE_DAY_STATUS_ROLLUPS, zoomedOut.dayParams), read(T.TIMELINE_EDGE_COUNTS, zoomedOut.dayParams)]);
        },
      },
      {
        // The large case page's filters: every event counted per (kind, status), from the day rollups.
        name: 'filter counts, whole case (facets)',
        cypher: L.EVENT_FACETS,
        params: { caseId: cid },
        repo: () => getEventFacets(cid),
        bare: () => Promise.all([read(R.GET_CASE, { caseId: cid }), read(L.EVENT_FACETS, { caseId: cid })]),
      },
      // Two words (both common in the generated text), and one being typed: Lucene's own top-k
      // helps the second most (see SEARCH in graph/queries/read.queries.ts).
      ...[q, q.split(' ')[0]!].map((words) => {
        const params = searchParams(cid, luceneQuery(words, cid)!, 20, 'top');
        return {
          name: `search "${words}" (20 hits)`,
          cypher: R.SEARCH,
          params,
          repo: () => searchCase(cid, words, 20),
          bare: () => Promise.all([read(R.GET_CASE, { caseId: cid }), read(R.SEARCH, params)]),
        };
      }),
    ];
    const queries: QueryRow[] = [];
    for (const c of cases) {
      // Interleaved, so load spikes on the shared machine hit both sides alike.
      const a: number[] = [];
      const b: number[] = [];
      // Warm-up: plans cached, pages in the page cache, the JIT's first passes over both paths. With
      // 3 rounds the first cases of the smallest size still carried it (p95 ratios of 1.6 at 10k).
      for (let i = 0; i < WARMUP; i++) await Promise.all([c.repo(), c.bare()]);
      for (let i = 0; i < ITER; i++) {
        let t = performance.now();
        await c.repo();
        a.push(performance.now() - t);
        t = performance.now();
        await c.bare();
        b.push(performance.now() - t);
      }
      const prof = await driver.executeQuery(`PROFILE ${c.cypher}`, c.params);
      const plan = flatten(prof.summary.profile);
      const row: QueryRow = {
        name: c.name,
        rows: prof.records.length,
        repoP50: pct(a, 50),
        repoP95: pct(a, 95),
        bareP50: pct(b, 50),
        bareP95: pct(b, 95),
        p95Ratio: +(pct(a, 95) / pct(b, 95)).toFixed(2),
        dbHits: plan.reduce((s, p) => s + p.dbHits, 0),
        // "Indexed": the plan starts from an index (or the full-text procedure), never a label or all-nodes scan.
        scans: plan.filter((p) => /AllNodesScan|NodeByLabelScan|RelationshipTypeScan|UndirectedAllRelationships|DirectedAllRelationships/.test(p.op)).map((p) => p.op),
        seeks: [...new Set(plan.filter((p) => /Index|ProcedureCall/.test(p.op)).map((p) => p.op))],
      };
      queries.push(row);
      log(`  ${size} ${c.name}: repo p50 ${row.repoP50} / p95 ${row.repoP95} ms; bare p50 ${row.bareP50} / p95 ${row.bareP95} ms; ratio ${row.p95Ratio}; ${row.rows} rows, ${row.dbHits} db hits, ${row.scans.length ? `SCANS ${row.scans.join(',')}` : `seeks ${row.seeks.join(',')}`}`);
    }
    // The window query's time inside the database (planning excluded: the plan is cached).
    // At the API's default page and, interleaved, at a page of 500 (the default until 2026-11-26):
    // the per-event projection is most of the work, so the page size is what the time follows.
    const dbTime = async (params: Record<string, unknown>) => {
      const r = await read(R.LIST_EVENTS_PAGE, params);
      return r.summary.resultAvailableAfter.toNumber() + r.summary.resultConsumedAfter.toNumber();
    };
    const widePage = { ...windowParams, limit: neo4j.int(WIDE_PAGE + 1) };
    const dbt: number[] = [];
    const dbtWide: number[] = [];
    for (let i = 0; i < ITER; i++) {
      dbt.push(await dbTime(windowParams));
      dbtWide.push(await dbTime(widePage));
    }
    const windowDbMsWide = { p50: pct(dbtWide, 50), p95: pct(dbtWide, 95), limit: WIDE_PAGE };
    const entry: LatencyEntry = {
      size,
      load,
      window: { from, to },
      hubDegree: ds[0]!,
      midDegree: ds[Math.floor(ds.length / 2)]!,
      queries,
      windowDbMs: { p50: pct(dbt, 50), p95: pct(dbt, 95), limit: EVENTS_PAGE_DEFAULT },
      windowDbMsWide,
    };
    log(`  ${size} window query in the database: p50 ${entry.windowDbMs.p50} / p95 ${entry.windowDbMs.p95} ms (page of ${EVENTS_PAGE_DEFAULT}); p50 ${windowDbMsWide.p50} / p95 ${windowDbMsWide.p95} ms (page of ${WIDE_PAGE})`);
    sizes.push(entry);
  }
  return { iterations: ITER, sizes };
}

// ---- load test and page weight against the built app ------------------------------------------

async function appBench() {
  const { buildApp, hasBuild, startApp, caseReadPaths, loadTest, pageWeight, soloLatencies } = await import('./lib/bench-app');
  const { getCaseCounts, importCaseBundle } = await import('../graph/import.repo');
  const { SAMPLE_CASE_DIR, readCaseFolderWithStories } = await import('./lib/case-folder');
  const o = { port: APP_PORT, distDir: DIST_DIR, log };
  let buildMs: number | null = null;
  if (args['reuse-build'] && hasBuild(DIST_DIR)) log(`app: reusing the build in ${DIST_DIR}`);
  else {
    log(`app: next build into ${DIST_DIR}…`);
    buildMs = round(await buildApp(o));
    log(`  built in ${ms(buildMs)}`);
  }
  if (!(await getCaseCounts(SAMPLE_CASE))) {
    log('app: loading the sample case');
    await importCaseBundle(readCaseFolderWithStories(SAMPLE_CASE_DIR));
  }
  const app = await startApp(o);
  try {
    let weight: Awaited<ReturnType<typeof pageWeight>> | undefined;
    let load: (Awaited<ReturnType<typeof loadTest>> & { caseId: string; buildMs: number | null; solo: Awaited<ReturnType<typeof soloLatencies>> }) | undefined;
    if (run('weight')) {
      // A first visit warms Next's caches, so the measured visit is a reader's, not the server's first.
      await fetch(`${app.baseUrl}/cases/${SAMPLE_CASE}`);
      weight = await pageWeight(app.baseUrl, `/cases/${SAMPLE_CASE}`);
      log(`  weight: initial ${weight.initial.files} scripts, ${kb(weight.initial.rawBytes)} raw / ${kb(weight.initial.transferredBytes)} transferred; after idle ${weight.afterIdle.files} scripts, ${kb(weight.afterIdle.rawBytes)} / ${kb(weight.afterIdle.transferredBytes)}`);
    }
    if (run('load')) {
      const paths = await caseReadPaths(app.baseUrl, SAMPLE_CASE);
      const solo = await soloLatencies(app.baseUrl, paths);
      log(`  alone, slowest first: ${solo.slice(0, 5).map((x) => `${x.path} ${x.ms} ms`).join('; ')}`);
      log(`load: ${CONNECTIONS} connections for ${LOAD_SECONDS} s over ${paths.length} read paths…`);
      const r = await loadTest(app.baseUrl, paths, CONNECTIONS, LOAD_SECONDS);
      load = { caseId: SAMPLE_CASE, buildMs, solo, ...r };
      log(`  ${r.requests} requests, ${r.throughputPerSecond}/s; p50 ${r.latencyMs.p50} / p95 ${r.latencyMs.p95} / p99 ${r.latencyMs.p99} ms; statuses ${JSON.stringify(r.statuses)}; errors ${r.errors}, timeouts ${r.timeouts}`);
    }
    return { load, weight };
  } finally {
    await app.stop();
    log('app stopped');
  }
}

// ---- results ----------------------------------------------------------------------------------

interface QueryRow {
  name: string;
  rows: number;
  repoP50: number;
  repoP95: number;
  bareP50: number;
  bareP95: number;
  p95Ratio: number;
  dbHits: number;
  scans: string[];
  seeks: string[];
}
interface LatencyEntry {
  size: number;
  load: LoadInfo | null;
  window: { from: string; to: string };
  hubDegree: number;
  midDegree: number;
  queries: QueryRow[];
  windowDbMs: { p50: number; p95: number; limit?: number };
  windowDbMsWide?: { p50: number; p95: number; limit: number };
}
interface Stamp {
  date: string;
  loadAverage: number[];
}
interface LatencySection extends Stamp {
  iterations: number;
  sizes: LatencyEntry[];
}
interface Results {
  machine: Record<string, unknown> & { date: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  sections: {
    import?: Stamp & Awaited<ReturnType<typeof importBench>>;
    latency?: LatencySection;
    load?: Stamp & Record<string, unknown>;
    weight?: Stamp & Record<string, unknown>;
  };
}

interface PlanRow {
  op: string;
  rows: number;
  dbHits: number;
}
function flatten(p: unknown, out: PlanRow[] = []): PlanRow[] {
  if (!p) return out;
  const x = p as { operatorType: string; rows: number; dbHits: number; children: unknown[] };
  out.push({ op: x.operatorType, rows: Number(x.rows), dbHits: Number(x.dbHits) });
  for (const c of x.children) flatten(c, out);
  return out;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!);
}
function round(x: number) {
  return Math.round(x * 10) / 10;
}
function ms(x: number) {
  return x < 10_000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(1)} s`;
}
function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
function safe(f: () => string) {
  try {
    return f();
  } catch {
    return 'unknown';
  }
}
const n = (x: number) => x.toLocaleString('en-US');

function markdown(r: Results): string {
  const m = r.machine;
  const s = r.sections;
  const lines = [
    '# Scale benchmark (`npm run bench`)',
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB RAM, Node ${m.node}, Neo4j ${m.neo4j} (heap ${m.neo4jHeap}, page cache ${m.neo4jPageCache}). ` +
      `Last run ${m.date}, commit ${m.git}, load average ${m.loadAverageAtStart.join('/')} at start and ${m.loadAverageAtEnd.join('/')} at end.`,
    '',
    'The machine is shared (six engineers, 2 cores): absolute times are noisy and mostly measure the',
    'queue for a core. Compare the ratios, each measured against its peer in the same run, interleaved.',
    '',
  ];
  if (s.import) {
    const i = s.import;
    lines.push(
      `## Import (${i.date.slice(0, 16)}, load ${i.loadAverage.join('/')})`,
      '',
      '| what | time | records/s |',
      '| --- | --- | --- |',
      `| batched UNWIND (import.queries.ts), ${n(i.events)} events = ${n(i.records)} records, one transaction, twice | ${i.batchedMs.map((x) => ms(x)).join(' / ')} | ${n(i.batchedRecordsPerSecond)} (slower run) |`,
      `| one MERGE per row, same statements, same data, one transaction (between the two) | ${ms(i.perRowMs)} | ${n(i.perRowRecordsPerSecond)} |`,
      `| **batched vs per-row** | | **${i.ratio}×** (target ≥ 10×) |`,
      '',
    );
  }
  if (s.latency) {
    const l = s.latency;
    lines.push(
      `## Latency as the case grows (${l.date.slice(0, 16)}, load ${l.loadAverage.join('/')}, ${l.iterations} interleaved runs each)`,
      '',
      'Repository function (validation, mapping, the case check it runs beside the query) vs the bare driver running the same Cypher with the same parameters. ms.',
      '',
      '| events | query | rows | repo p50 | repo p95 | bare p50 | bare p95 | p95 repo/bare (target ≤ 1.5) | db hits | plan |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const e of l.sizes) {
      for (const q of e.queries) {
        lines.push(`| ${n(e.size)} | ${q.name} | ${q.rows} | ${q.repoP50} | ${q.repoP95} | ${q.bareP50} | ${q.bareP95} | ${q.p95Ratio} | ${n(q.dbHits)} | ${q.scans.length ? `scan: ${q.scans.join(', ')}` : q.seeks.join(', ')} |`);
      }
    }
    lines.push(
      '',
      '| events | window query in the database (resultAvailableAfter + resultConsumedAfter) p50 / p95, page of the API default | same, page of 500 | hub degree | loaded with batched UNWIND (chunks of 5,000 rows) |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const e of l.sizes) {
      const ld = e.load ? `${n(e.load.records)} records in ${ms(e.load.ms)} = ${n(e.load.recordsPerSecond)} records/s (${e.load.date.slice(0, 10)})` : 'loaded before results were kept';
      const wide = e.windowDbMsWide ? `${e.windowDbMsWide.p50} / ${e.windowDbMsWide.p95} ms` : 'not measured';
      lines.push(`| ${n(e.size)} | ${e.windowDbMs.p50} / ${e.windowDbMs.p95} ms, ${e.windowDbMs.limit ?? 500} events (target < 15 ms at 1M) | ${wide} | ${e.hubDegree} | ${ld} |`);
    }
    lines.push('');
  }
  for (const k of ['load', 'weight'] as const) {
    const failed = s[k] as { error?: string; date: string } | undefined;
    if (failed?.error) lines.push(`## ${k === 'load' ? 'Load test' : 'Page weight'} (${failed.date.slice(0, 16)})`, '', `Not measured: ${failed.error.split('\n')[0]}`, '');
  }
  if (s.load && !(s.load as { error?: string }).error) {
    const d = s.load as unknown as import('./lib/bench-app').LoadResult & Stamp & { caseId: string; solo?: Array<{ path: string; ms: number }> };
    lines.push(
      `## Load test (${d.date.slice(0, 16)}, load ${d.loadAverage.join('/')})`,
      '',
      `\`next start\` (production build) on loopback, the sample case (${d.caseId}); autocannon, ${d.connections} connections for ${d.seconds} s cycling over ${d.distinctPaths} reads of the case page's API (events page and window, graph and graph as of a window, search, event and entity details, neighbourhoods, version).`,
      '',
      '| requests answered | throughput | p50 | p95 | p99 | max | answers by status (target: all 200) | client errors (of which timeouts at 30 s) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      `| ${n(d.requests)} | ${d.throughputPerSecond}/s | ${d.latencyMs.p50} ms | ${d.latencyMs.p95} ms | ${d.latencyMs.p99} ms | ${round(d.latencyMs.max)} ms | ${Object.entries(d.statuses).map(([k, v]) => `${k}: ${n(v)}`).join(', ')} | ${d.errors} (${d.timeouts}) |`,
      '',
      `Peer, same run: each read alone, one at a time (median of 3), slowest: ${(d.solo ?? []).slice(0, 4).map((x) => `\`${x.path}\` ${x.ms} ms`).join(', ')}; fastest ${(d.solo ?? []).at(-1)?.ms ?? '?'} ms.`,
      '',
    );
  }
  if (s.weight && !(s.weight as { error?: string }).error) {
    const w = s.weight as unknown as import('./lib/bench-app').PageWeight & Stamp;
    lines.push(
      `## Page weight (${w.date.slice(0, 16)})`,
      '',
      `JavaScript of \`${w.url}\` in Chromium, production build (content encoding: ${w.contentEncoding.join(', ')}).`,
      '',
      '| what | scripts | raw | transferred |',
      '| --- | --- | --- | --- |',
      `| first load (scripts the HTML names) | ${w.initial.files} | ${kb(w.initial.rawBytes)} | ${kb(w.initial.transferredBytes)} |`,
      `| everything until the network is idle (adds lazily loaded views) | ${w.afterIdle.files} | ${kb(w.afterIdle.rawBytes)} | ${kb(w.afterIdle.transferredBytes)} |`,
      '',
    );
  }
  return lines.join('\n');
}

const entry = args['report-only']
  ? async () => {
      writeFileSync('bench/results/scale.md', markdown(JSON.parse(readFileSync(RESULTS, 'utf8')) as Results));
      log('written bench/results/scale.md from bench/results/scale.json');
    }
  : main;
entry().then(
  () => process.exit(0),
  (e) => {
    console.error(`[bench] ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
