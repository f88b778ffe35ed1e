/**
 * `npm run bench:ingest`: the offline extractor over the labelled set in data/ingest-eval —
 * precision and recall for events (right day), entities and hedged claims, and throughput in
 * articles per second on one core. Writes bench/results/ingest.json and ingest.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scoreArticle, totals, type ExpectedArticle } from '../lib/ingest/eval';
import type { KnownEntity } from '../lib/ingest/mentions';
import { prepareSource, propose } from '../lib/ingest/pipeline';
import type { ProposalsDocument } from '../lib/ingest/proposals.schema';
import { RulesExtractor } from '../lib/ingest/rules-extractor';
import { readInput } from '../lib/ingest/runner';
import { SAMPLE_CASE_DIR, readCaseFolder } from './lib/case-folder';

const ROOT = path.resolve(__dirname, '..');
const EVAL = path.join(ROOT, 'data', 'ingest-eval');

async function main() {
  const labels = JSON.parse(readFileSync(path.join(EVAL, 'expected.json'), 'utf8')) as { articles: ExpectedArticle[] };
  const sample = readCaseFolder(SAMPLE_CASE_DIR);
  const entitiesFor = (a: ExpectedArticle): KnownEntity[] => (a.case === sample.case.id ? sample.entities : []);
  const extractor = new RulesExtractor();
  const now = new Date().toISOString();
  const inputs = await Promise.all(
    labels.articles.map(async (a) => {
      const bytes = new Uint8Array(readFileSync(path.join(EVAL, 'articles', a.file)));
      return { a, input: await readInput({ kind: 'bytes', bytes, fileName: a.file }) };
    }),
  );
  const run = async ({ a, input }: (typeof inputs)[number]): Promise<ProposalsDocument> => {
    const src = prepareSource({ raw: input.raw, format: input.format });
    return propose(src, extractor, { caseId: a.case ?? 'ingest-eval', entities: entitiesFor(a), now });
  };

  const scores = [];
  for (const x of inputs) scores.push(scoreArticle(await run(x), x.a));
  const t = totals(scores);

  // Throughput: the whole pure pipeline (clean, language, sentences, extraction, proposals), one core.
  for (const x of inputs) await run(x); // warm-up
  let n = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 3 || n < 200) {
    for (const x of inputs) await run(x);
    n += inputs.length;
    elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  }
  const perSecond = n / elapsed;
  // Same measure without HTML parsing (text and Markdown only), to show where the time goes.
  const plain = inputs.filter((x) => x.input.format !== 'html');
  let m = 0;
  const s2 = process.hrtime.bigint();
  let e2 = 0;
  while (e2 < 2) {
    for (const x of plain) await run(x);
    m += plain.length;
    e2 = Number(process.hrtime.bigint() - s2) / 1e9;
  }

  const result = {
    when: now,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
    extractor: extractor.name,
    articles: inputs.length,
    totals: t,
    throughput: { articlesPerSecond: round(perSecond), plainTextArticlesPerSecond: round(m / e2), runs: n, seconds: round(elapsed) },
    targets: { eventRecall: 0.8, eventPrecision: 0.7, hedgedAsConfirmed: 0, articlesPerSecondPerCore: 300 },
    perArticle: scores,
  };
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const md = [
    `# Ingest benchmark (${extractor.name})`,
    '',
    `${now.slice(0, 19)}Z · ${inputs.length} labelled articles (data/ingest-eval) · ${result.machine.model} · Node ${process.version}, one core`,
    '',
    '| measure | value | target |',
    '| --- | --- | --- |',
    `| event recall (right day) | ${pct(t.eventRecall)} | ≥ 80% |`,
    `| event recall (any date) | ${pct(t.eventRecallAnyDate)} | |`,
    `| event precision | ${pct(t.eventPrecision)} | ≥ 70% |`,
    `| entity recall | ${pct(t.entityRecall)} | |`,
    `| entity precision | ${pct(t.entityPrecision)} | |`,
    `| hedged claims proposed as alleged (recall) | ${pct(t.hedgedRecall)} | |`,
    `| alleged proposals that are hedged claims (precision) | ${pct(t.hedgedPrecision)} | |`,
    `| hedged claims proposed as confirmed | ${t.hedgedAsConfirmed} | 0 |`,
    `| hedged claims proposed as reported | ${t.hedgedAsReported} | |`,
    `| denials proposed as denied/disputed | ${pct(t.deniedRecall)} | |`,
    `| throughput, all articles | ${round(perSecond)} articles/s | ≥ 300/s/core |`,
    `| throughput, text and Markdown only | ${round(m / e2)} articles/s | |`,
    '',
    '## Per article',
    '',
    '| article | events found / expected (right day) | proposed | entities found / expected | proposed |',
    '| --- | --- | --- | --- | --- |',
    ...scores.map((s) => `| ${s.file} | ${s.events.found} / ${s.events.expected} (${s.events.rightDay}) | ${s.events.proposed} | ${s.entities.found} / ${s.entities.expected} | ${s.entities.proposed} |`),
    '',
    '## Misses',
    '',
    ...scores.flatMap((s) => s.misses.map((x) => `- ${s.file}: ${x}`)),
    '',
  ].join('\n');
  const out = path.join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'ingest.json'), JSON.stringify(result, null, 2));
  writeFileSync(path.join(out, 'ingest.md'), md);
  console.log(md);
  console.log(`written: ${path.relative(ROOT, path.join(out, 'ingest.json'))}, ${path.relative(ROOT, path.join(out, 'ingest.md'))}`);
}

const round = (x: number) => Math.round(x * 10) / 10;
main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
