/**
 * `npm run bench [-- --large] [--sizes 10000,100000] [--iterations 30]`: scale benchmarks, each
 * number beside the peer it was measured against in the same run (absolute times on a shared
 * 2-core machine are noise; ratios measured side by side are not).
 *
 *   import   batched UNWIND writes (import.queries.ts) vs the same Cypher run once per row, same
 *            data, same transaction shape (one transaction each), on a 2,000-event synthetic case
 *   latency  window query, neighbourhood (1 and 2 hops), search through the repository functions
 *            vs the bare driver running the same Cypher, at each size; p50/p95; database time of
 *            the window query (server-side resultAvailableAfter + resultConsumedAfter) and its PROFILE
 *
 * Runs against its own local Neo4j: port TIMEWEAVE_BENCH_NEO4J_PORT (7696), data
 * .neo4j/bench-<port>; reused if already running, stopped at the end only if this run started it.
 * Never the dev (7687) or test (7688) databases. Results: bench/results/scale.{json,md}.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    large: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    iterations: { type: 'string', default: '30' },
    'import-events': { type: 'string', default: '2000' },
  },
});
const port = Number(process.env.TIMEWEAVE_BENCH_NEO4J_PORT || 7696);
process.env.TIMEWEAVE_NEO4J_PORT = String(port);
process.env.TIMEWEAVE_NEO4J_DATA = process.env.TIMEWEAVE_BENCH_NEO4J_DATA || path.join('.neo4j', `bench-${port}`);
delete process.env.NEO4J_URI; // the bench always uses its own instance

const SIZES = args.sizes ? args.sizes.split(',').map(Number) : args.large ? [10_000, 100_000, 1_000_000] : [10_000];
const ITER = Number(args.iterations);
const IMPORT_EVENTS = Number(args['import-events']);
const log = (m: string) => console.log(`[bench] ${m}`);

async function main() {
  // Imported after the environment is set: the driver reads it once.
  const { start, stop, neo4jVersion } = await import('../graph/local-neo4j');
  const { getDriver, closeDriver, neo4j } = await import('../graph/driver');
  const { migrate } = await import('../graph/migrations');
  const { importCaseBundle, deleteCase, getCaseCounts } = await import('../graph/import.repo');
  const { encodeBundle } = await import('../graph/encode');
  const Q = await import('../graph/queries/import.queries');
  const R = await import('../graph/queries/read.queries');
  const { listEvents } = await import('../graph/cases.repo');
  const { getEntityNeighbourhood } = await import('../graph/neighbourhood.repo');
  const { searchCase } = await import('../graph/search.repo');
  const { luceneQuery } = await import('../lib/search/lucene');
  const { generateCase } = await import('../lib/synth/generate');
  const { RELATION_TYPES } = await import('../lib/model/vocab');

  const started = await start({ log, timeoutMs: 600_000 });
  const machine = {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    neo4j: neo4jVersion(),
    neo4jHeap: process.env.TIMEWEAVE_NEO4J_HEAP || '1g',
    neo4jPageCache: process.env.TIMEWEAVE_NEO4J_PAGECACHE || '512m',
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(1)),
    loadAverageAtEnd: [] as number[],
    date: new Date().toISOString(),
    git: safe(() => execSync('git rev-parse --short HEAD').toString().trim()),
  };
  log(`machine: ${JSON.stringify(machine)}`);
  const driver = getDriver();
  try {
    await migrate(log);

    // ---- import: batched vs one statement per row -------------------------------------------
    const bundle = generateCase({ events: IMPORT_EVENTS, entities: Math.round(IMPORT_EVENTS / 10), seed: 7, caseId: 'bench-import' });
    const rows = encodeBundle(bundle);
    const caseId = rows.caseId;
    const relOf = (t: string) => rows.relations.filter((r) => r.type === t);
    const batched = async () => {
      await deleteCase(caseId);
      const t = performance.now();
      const s = driver.session();
      try {
        await s.executeWrite(async (tx) => {
          await tx.run(Q.MERGE_CASE, { case: rows.case });
          await tx.run(Q.MERGE_SOURCES, { caseId, rows: rows.sources });
          await tx.run(Q.MERGE_CITATIONS, { rows: rows.citations });
          await tx.run(Q.MERGE_ENTITIES, { caseId, rows: rows.entities });
          await tx.run(Q.WRITE_EVENTS, { caseId, rows: rows.events });
          await tx.run(Q.WRITE_PARTICIPATIONS, { rows: rows.participations });
          for (const type of RELATION_TYPES) if (relOf(type).length) await tx.run(Q.WRITE_RELATIONS[type], { rows: relOf(type) });
        });
      } finally {
        await s.close();
      }
      return performance.now() - t;
    };
    const perRow = async () => {
      await deleteCase(caseId);
      const t = performance.now();
      const s = driver.session();
      try {
        await s.executeWrite(async (tx) => {
          await tx.run(Q.MERGE_CASE, { case: rows.case });
          for (const r of rows.sources) await tx.run(Q.MERGE_SOURCES, { caseId, rows: [r] });
          for (const r of rows.citations) await tx.run(Q.MERGE_CITATIONS, { rows: [r] });
          for (const r of rows.entities) await tx.run(Q.MERGE_ENTITIES, { caseId, rows: [r] });
          for (const r of rows.events) await tx.run(Q.WRITE_EVENTS, { caseId, rows: [r] });
          for (const r of rows.participations) await tx.run(Q.WRITE_PARTICIPATIONS, { rows: [r] });
          for (const r of rows.relations) await tx.run(Q.WRITE_RELATIONS[r.type], { rows: [r] });
        });
      } finally {
        await s.close();
      }
      return performance.now() - t;
    };
    const records = rows.sources.length + rows.citations.length + rows.entities.length + rows.events.length + rows.participations.length + rows.relations.length;
    log(`import: ${IMPORT_EVENTS} events, ${records} records; batched, per-row, batched (interleaved)`);
    const b1 = await batched();
    log(`  batched ${ms(b1)}`);
    const p1 = await perRow();
    log(`  per-row ${ms(p1)}`);
    const b2 = await batched();
    log(`  batched ${ms(b2)}`);
    const counts = await getCaseCounts(caseId);
    // The full user path too (validation, encoding, citation checks, prune, counts).
    const full0 = performance.now();
    await importCaseBundle(bundle);
    const full = performance.now() - full0;
    await deleteCase(caseId);
    const importResult = {
      events: IMPORT_EVENTS,
      records,
      counts,
      batchedMs: [b1, b2].map(round),
      perRowMs: round(p1),
      ratio: +(p1 / Math.min(b1, b2)).toFixed(1),
      fullImportCaseBundleMs: round(full),
      recordsPerSecondBatched: Math.round(records / (Math.min(b1, b2) / 1000)),
    };
    log(`  ratio per-row / batched = ${importResult.ratio}× ; full importCaseBundle ${ms(full)}`);

    // ---- latency ---------------------------------------------------------------------------
    const latency: unknown[] = [];
    for (const size of SIZES) {
      const cid = `bench-${size}`;
      const have = await getCaseCounts(cid);
      if (!have || have.events !== size) {
        log(`generating and importing ${size} events (once; reused by later runs)…`);
        const genBundle = generateCase({ events: size, entities: Math.max(100, Math.round(size / 10)), seed: 42, caseId: cid });
        const t = performance.now();
        await importCaseBundle(genBundle, { onProgress: (s, took) => log(`  ${s} (${Math.round(took)} ms)`) });
        log(`  imported in ${ms(performance.now() - t)}`);
      }
      // Pick inputs from the data itself: the busiest month, a hub and a mid-degree entity.
      const pickRes = await driver.executeQuery(
        `MATCH (e:Event {caseId: $cid}) WITH substring(toString(e.startAt), 0, 7) AS m, count(*) AS n ORDER BY n DESC LIMIT 1 RETURN m, n`,
        { cid },
      );
      const month = pickRes.records[0]!.get('m') as string;
      const ents = await driver.executeQuery(
        `MATCH (n:Entity {caseId: $cid}) WITH n, COUNT { (n)-[:PARTICIPATES_IN]->() } AS d ORDER BY d DESC, n.id RETURN collect(n.id) AS ids, collect(d) AS ds`,
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
      const read = (cypher: string, params: Record<string, unknown>) => driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });
      const cases: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
        ['window (1 busiest month)', () => listEvents(cid, { from, to }), () => Promise.all([read(R.GET_CASE, { caseId: cid }), read(R.LIST_EVENTS, { caseId: cid, from, to })])],
        ['neighbourhood 1 hop (mid-degree entity)', () => getEntityNeighbourhood(mid, 1), () => read(R.ENTITY_NEIGHBOURHOOD, { id: mid, hops: neo4j.int(1) })],
        ['neighbourhood 2 hops (mid-degree entity)', () => getEntityNeighbourhood(mid, 2), () => read(R.ENTITY_NEIGHBOURHOOD, { id: mid, hops: neo4j.int(2) })],
        ['neighbourhood 1 hop (hub entity)', () => getEntityNeighbourhood(hub, 1), () => read(R.ENTITY_NEIGHBOURHOOD, { id: hub, hops: neo4j.int(1) })],
        ['search', () => searchCase(cid, q, 20), () => Promise.all([read(R.GET_CASE, { caseId: cid }), read(R.SEARCH, { caseId: cid, lucene: luceneQuery(q), limit: neo4j.int(20) })])],
      ];
      const rowsOut: Record<string, unknown>[] = [];
      for (const [name, repo, bare] of cases) {
        // Interleaved, so load spikes on the shared machine hit both sides alike.
        const a: number[] = [];
        const b: number[] = [];
        for (let i = 0; i < 3; i++) await Promise.all([repo(), bare()]);
        for (let i = 0; i < ITER; i++) {
          let t = performance.now();
          await repo();
          a.push(performance.now() - t);
          t = performance.now();
          await bare();
          b.push(performance.now() - t);
        }
        const row = { name, repoP50: pct(a, 50), repoP95: pct(a, 95), bareP50: pct(b, 50), bareP95: pct(b, 95), p95Ratio: +(pct(a, 95) / pct(b, 95)).toFixed(2) };
        rowsOut.push(row);
        log(`  ${size} ${name}: repo p50 ${row.repoP50} / p95 ${row.repoP95} ms; bare p50 ${row.bareP50} / p95 ${row.bareP95} ms; p95 ratio ${row.p95Ratio}`);
      }
      // Database time of the window query, and its plan.
      const dbt: number[] = [];
      let windowRows = 0;
      for (let i = 0; i < ITER; i++) {
        const r = await read(R.LIST_EVENTS, { caseId: cid, from, to });
        windowRows = r.records.length;
        dbt.push(r.summary.resultAvailableAfter.toNumber() + r.summary.resultConsumedAfter.toNumber());
      }
      const prof = await driver.executeQuery(`PROFILE ${R.LIST_EVENTS}`, { caseId: cid, from, to });
      const plan = flatten(prof.summary.profile);
      const entry = { size, window: { from, to, rows: windowRows }, hubDegree: ds[0], midDegree: ds[Math.floor(ds.length / 2)], queries: rowsOut, windowDbMs: { p50: pct(dbt, 50), p95: pct(dbt, 95) }, windowProfile: { dbHits: plan.reduce((s, p) => s + p.dbHits, 0), operators: plan } };
      log(`  ${size} window query in the database: p50 ${entry.windowDbMs.p50} / p95 ${entry.windowDbMs.p95} ms, ${windowRows} rows, ${entry.windowProfile.dbHits} db hits`);
      latency.push(entry);
    }

    machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(1));
    const result = { machine, import: importResult, latency };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/scale.json', JSON.stringify(result, null, 2) + '\n');
    writeFileSync('bench/results/scale.md', markdown(result));
    log('written bench/results/scale.json and bench/results/scale.md');
  } finally {
    await closeDriver();
    if (!started.reused) await stop({ log });
  }
}

interface PlanRow { op: string; rows: number; dbHits: number; details: string }
function flatten(p: unknown, out: PlanRow[] = []): PlanRow[] {
  if (!p) return out;
  const x = p as { operatorType: string; rows: number; dbHits: number; arguments?: Record<string, unknown>; children: unknown[] };
  out.push({ op: x.operatorType, rows: Number(x.rows), dbHits: Number(x.dbHits), details: String(x.arguments?.Details ?? '').slice(0, 120) });
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
function safe(f: () => string) {
  try {
    return f();
  } catch {
    return 'unknown';
  }
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function markdown(r: any): string {
  const m = r.machine;
  const lines = [
    '# Scale benchmark',
    '',
    `Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB RAM, Node ${m.node}, Neo4j ${m.neo4j} (heap ${m.neo4jHeap}, page cache ${m.neo4jPageCache}); ` +
      `load average ${m.loadAverageAtStart.join('/')} at start, ${m.loadAverageAtEnd.join('/')} at end (shared machine: compare the ratios, not the absolute times). ${m.date}, commit ${m.git}.`,
    '',
    '## Import',
    '',
    '| what | time | peer (same run) | ratio |',
    '| --- | --- | --- | --- |',
    `| ${r.import.events} events, ${r.import.records} records, batched UNWIND, one transaction | ${r.import.batchedMs.join(' / ')} ms | one statement per row, one transaction: ${r.import.perRowMs} ms | **${r.import.ratio}×** |`,
    `| same, full importCaseBundle (validate, encode, check citations, write, prune, count) | ${r.import.fullImportCaseBundleMs} ms | | |`,
    '',
    '## Latency (ms; repository function vs bare driver running the same Cypher, interleaved)',
    '',
    '| events | query | repo p50 | repo p95 | bare p50 | bare p95 | p95 ratio |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const l of r.latency) for (const q of l.queries) lines.push(`| ${l.size} | ${q.name} | ${q.repoP50} | ${q.repoP95} | ${q.bareP50} | ${q.bareP95} | ${q.p95Ratio} |`);
  lines.push('', '## Window query in the database', '', '| events | window | rows | db p50 | db p95 | db hits (PROFILE) |', '| --- | --- | --- | --- | --- | --- |');
  for (const l of r.latency) lines.push(`| ${l.size} | ${l.window.from.slice(0, 7)} | ${l.window.rows} | ${l.windowDbMs.p50} | ${l.windowDbMs.p95} | ${l.windowProfile.dbHits} |`);
  return lines.join('\n') + '\n';
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`[bench] ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
