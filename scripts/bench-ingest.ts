/**
 * `npm run bench:ingest`: the offline extractor over the labelled sets in data/ingest-eval (the
 * tuning set and two held-out sets, reported apart) —
 * precision and recall for events (right day), entities, relationships and hedged claims, and
 * throughput in articles per CPU second on one core, by format. Writes bench/results/ingest.json
 * and ingest.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scoreArticle, totals, type ArticleScore, type ExpectedArticle, type Totals } from '../lib/ingest/eval';
import type { KnownEntity } from '../lib/ingest/mentions';
import { prepareSource, propose } from '../lib/ingest/pipeline';
import type { ProposalsDocument } from '../lib/ingest/proposals.schema';
import { RulesExtractor } from '../lib/ingest/rules-extractor';
import { readInput } from '../lib/ingest/runner';
import { SAMPLE_CASE_DIR, readCaseFolder } from './lib/case-folder';
import { stageTimings } from './lib/ingest-stage-timings';

const ROOT = path.resolve(__dirname, '..');
const EVAL = path.join(ROOT, 'data', 'ingest-eval');

interface LabelledSet {
  name: string;
  heldOut: boolean;
  labels: string;
  dir: string;
}
/**
 * Sets scored apart. The tuning set is what the rules were developed against. The first held-out
 * set (heldout.json) was written before any tuning; its misses were later read to generalise the
 * rules (no rule names one of its articles), so it is no longer blind. The second (heldout2.json)
 * was written, labels included, before the extractor was first run on it and is never used to
 * adjust a rule: its numbers are the honest estimate.
 */
const SETS: readonly LabelledSet[] = [
  { name: 'tuning', heldOut: false, labels: 'expected.json', dir: 'articles' },
  { name: 'held-out 1', heldOut: true, labels: 'heldout.json', dir: 'heldout' },
  { name: 'held-out 2', heldOut: true, labels: 'heldout2.json', dir: 'heldout2' },
];

async function main() {
  const sample = readCaseFolder(SAMPLE_CASE_DIR);
  const entitiesFor = (a: ExpectedArticle): KnownEntity[] => (a.case === sample.case.id ? sample.entities : []);
  const extractor = new RulesExtractor();
  const now = new Date().toISOString();
  const loaded = await Promise.all(
    SETS.map(async (set) => {
      const labels = JSON.parse(readFileSync(path.join(EVAL, set.labels), 'utf8')) as { articles: ExpectedArticle[] };
      const inputs = await Promise.all(
        labels.articles.map(async (a) => {
          const bytes = new Uint8Array(readFileSync(path.join(EVAL, set.dir, a.file)));
          return { a, input: await readInput({ kind: 'bytes', bytes, fileName: a.file }) };
        }),
      );
      return { set, inputs };
    }),
  );
  const inputs = loaded.flatMap((l) => l.inputs);
  const run = async ({ a, input }: (typeof inputs)[number]): Promise<ProposalsDocument> => {
    const src = prepareSource({ raw: input.raw, format: input.format });
    return propose(src, extractor, { caseId: a.case ?? 'ingest-eval', entities: entitiesFor(a), now });
  };

  const perSet: Array<{ set: LabelledSet; scores: ArticleScore[]; totals: Totals }> = [];
  for (const { set, inputs: xs } of loaded) {
    const scores: ArticleScore[] = [];
    for (const x of xs) scores.push(scoreArticle(await run(x), x.a));
    perSet.push({ set, scores, totals: totals(scores) });
  }

  // Throughput: the whole pure pipeline (clean, language, sentences, extraction, proposals) over
  // all sets, one core.
  // Per core means per second of CPU time this process got: on a shared machine (the 2-core CI box
  // runs several jobs at once) wall-clock rates fall with the load average and say nothing about the
  // code. Both are recorded; the target is checked against the CPU-time rate. CPU time includes
  // V8's helper threads (GC), so it is, if anything, pessimistic.
  for (let i = 0; i < 5; i++) for (const x of inputs) await run(x); // warm-up (JIT)
  const measure = async (xs: typeof inputs, seconds: number) => {
    let n = 0;
    const wall0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    let cpu = 0;
    while (cpu < seconds || n < 20) {
      for (const x of xs) await run(x);
      n += xs.length;
      const c = process.cpuUsage(cpu0);
      cpu = (c.user + c.system) / 1e6;
    }
    const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
    return { n, perCpuSecond: n / cpu, perWallSecond: n / wall, cpu };
  };
  // The three measures (all articles; HTML pages only, which are parsed and run through
  // Readability; text and Markdown only) take turns in short rounds, and each reports its median
  // round: the other jobs on a shared machine come and go, and one long run per measure let a burst
  // of load land on one of them only (all articles once measured slower than either part).
  const groups = {
    all: inputs,
    html: inputs.filter((x) => x.input.format === 'html'),
    plain: inputs.filter((x) => x.input.format !== 'html'),
  };
  const rounds: Record<keyof typeof groups, Array<Awaited<ReturnType<typeof measure>>>> = { all: [], html: [], plain: [] };
  for (let r = 0; r < 5; r++) for (const k of Object.keys(groups) as Array<keyof typeof groups>) rounds[k].push(await measure(groups[k], 0.8));
  const median = (xs: Array<Awaited<ReturnType<typeof measure>>>) => [...xs].sort((a, b) => a.perCpuSecond - b.perCpuSecond)[Math.floor(xs.length / 2)]!;
  // The best round is the least disturbed one: closest to what the code costs on an idle core.
  const best = (xs: Array<Awaited<ReturnType<typeof measure>>>) => round(Math.max(...xs.map((x) => x.perCpuSecond)));
  const all = median(rounds.all);
  const htmlRun = median(rounds.html);
  const plainRun = median(rounds.plain);
  const perSecond = all.perCpuSecond;
  const elapsed = Object.values(rounds).flat().reduce((t, x) => t + x.cpu, 0);
  const n = Object.values(rounds).flat().reduce((t, x) => t + x.n, 0);
  const stageInputs = inputs.map((x) => ({ raw: x.input.raw, format: x.input.format, entities: entitiesFor(x.a), caseId: x.a.case ?? 'ingest-eval' }));
  const stages = stageTimings(stageInputs, 30, now);

  const result = {
    when: now,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg().map(round) },
    gc: GC,
    extractor: extractor.name,
    articles: inputs.length,
    sets: perSet.map((p) => ({ name: p.set.name, heldOut: p.set.heldOut, labels: `data/ingest-eval/${p.set.labels}`, articles: p.scores.length, totals: p.totals, perArticle: p.scores })),
    throughput: {
      articlesPerCpuSecond: round(perSecond),
      plainTextArticlesPerCpuSecond: round(plainRun.perCpuSecond),
      htmlArticlesPerCpuSecond: round(htmlRun.perCpuSecond),
      htmlArticles: inputs.filter((x) => x.input.format === 'html').length,
      bestRound: { all: best(rounds.all), html: best(rounds.html), plain: best(rounds.plain) },
      articlesPerWallSecond: round(all.perWallSecond),
      runs: n,
      cpuSeconds: round(elapsed),
    },
    stageMicrosecondsPerArticle: stages,
    targets: { eventRecall: 0.8, eventPrecision: 0.7, hedgedAsConfirmed: 0, articlesPerSecondPerCore: 300 },
  };
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
  const row = (label: string, f: (t: Totals) => string, target = '') => `| ${label} | ${perSet.map((p) => f(p.totals)).join(' | ')} | ${target} |`;
  const setList = perSet.map((p) => `${p.scores.length} ${p.set.name} (${p.set.labels})`).join(', ');
  const md = [
    `# Ingest benchmark (${extractor.name})`,
    '',
    `${now.slice(0, 19)}Z · ${inputs.length} labelled articles (data/ingest-eval): ${setList} · ${result.machine.model} · Node ${process.version}, one core · load average ${result.machine.loadAverage.join(' ')}`,
    '',
    `| measure | ${perSet.map((p) => `${p.set.name} (${p.scores.length})`).join(' | ')} | target |`,
    `| --- | ${perSet.map(() => '---').join(' | ')} | --- |`,
    row('event recall (right day)', (t) => pct(t.eventRecall), '≥ 80%'),
    row('event recall (any date)', (t) => pct(t.eventRecallAnyDate)),
    row('event precision', (t) => pct(t.eventPrecision), '≥ 70%'),
    row('entity recall', (t) => pct(t.entityRecall)),
    row('entity precision', (t) => pct(t.entityPrecision)),
    row('relationship recall (labelled relationships)', (t) => `${pct(t.relationRecall)} (${t.relationsLabelled})`),
    row('relationship precision', (t) => pct(t.relationPrecision)),
    row('hedged claims proposed as alleged (recall)', (t) => pct(t.hedgedRecall)),
    row('alleged proposals that are hedged claims (precision)', (t) => pct(t.hedgedPrecision)),
    row('hedged claims proposed as confirmed', (t) => String(t.hedgedAsConfirmed), '0'),
    row('hedged claims proposed as reported', (t) => String(t.hedgedAsReported)),
    row('denials proposed as denied/disputed', (t) => pct(t.deniedRecall)),
    '',
    '| throughput (all sets), articles per CPU second on one core | median of 5 interleaved rounds | best round | target |',
    '| --- | --- | --- | --- |',
    `| all articles | ${round(perSecond)} | ${result.throughput.bestRound.all} | ≥ 300/s/core |`,
    `| HTML pages only (${result.throughput.htmlArticles}) | ${round(htmlRun.perCpuSecond)} | ${result.throughput.bestRound.html} | ≥ 300/s/core |`,
    `| text and Markdown only | ${round(plainRun.perCpuSecond)} | ${result.throughput.bestRound.plain} | |`,
    `| all articles, per wall-clock second (follows the machine's load) | ${round(all.perWallSecond)} | | |`,
    '',
    `Garbage collection: ${GC}.`,
    '',
    '## Time per stage (CPU µs per article, averaged; HTML cleaning per HTML article)',
    '',
    '| stage | µs |',
    '| --- | --- |',
    ...Object.entries(stages).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    ...perSet.flatMap(({ set, scores }) => [
      `## Per article — ${set.name}${set.heldOut ? ' (HELD OUT)' : ''}`,
      '',
      '| article | events found / expected (right day) | proposed | entities found / expected | proposed | relationships found / expected | proposed |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...scores.map(
        (s) =>
          `| ${s.file} | ${s.events.found} / ${s.events.expected} (${s.events.rightDay}) | ${s.events.proposed} | ${s.entities.found} / ${s.entities.expected} | ${s.entities.proposed} | ${s.relations ? `${s.relations.found} / ${s.relations.expected}` : 'not labelled'} | ${s.relations?.proposed ?? '–'} |`,
      ),
      '',
      `### Misses — ${set.name}`,
      '',
      ...scores.flatMap((s) => s.misses.map((x) => `- ${s.file}: ${x}`)),
      '',
      `### Proposed but not labelled — ${set.name}`,
      '',
      ...scores.flatMap((s) => s.extras.map((x) => `- ${s.file}: ${x}`)),
      '',
    ]),
  ].join('\n');
  const out = path.join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'ingest.json'), JSON.stringify(result, null, 2));
  writeFileSync(path.join(out, 'ingest.md'), md);
  console.log(md);
  console.log(`written: ${path.relative(ROOT, path.join(out, 'ingest.json'))}, ${path.relative(ROOT, path.join(out, 'ingest.md'))}`);
}

const round = (x: number) => Math.round(x * 10) / 10;
/**
 * CPU time counts V8's garbage-collector helper threads, which run on the other cores: with the
 * default (parallel) collector the HTML path, which allocates a DOM per page, pays for them too, so
 * the rate is per CPU second of the whole process. Run with `node --single-threaded-gc` to measure
 * one core's work alone (the collector then runs on the main thread).
 */
const GC = process.execArgv.includes('--single-threaded-gc')
  ? 'single-threaded (--single-threaded-gc): the CPU time is one core\'s work'
  : "V8's default parallel collector: its helper threads' CPU time is counted too";
main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
