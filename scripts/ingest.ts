/**
 * `npm run ingest -- <file|url> --case <caseId> [--auto-accept] [--out file] [--publisher …] [--published YYYY-MM-DD] [--title …] [--language fr]`
 *
 * Reads an article, proposes events, entities and citations, and either writes the proposals to a
 * file for review (the default: nothing reaches the graph unreviewed) or, with --auto-accept,
 * commits all of them in one transaction. `--commit <proposals.json>` commits a reviewed file
 * (decisions in it, or all accepted with --auto-accept).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { closeDriver } from '../graph/driver';
import { commitReviewed, findSourceByHash, getCaseForIngest } from '../graph/ingest.repo';
import { IngestInputError } from '../lib/ingest/errors';
import { extractorFromEnv } from '../lib/ingest/llm-extractor';
import { acceptAll, ProposalsDocument, ReviewDecisions } from '../lib/ingest/proposals.schema';
import { runIngest, type IngestInput } from '../lib/ingest/runner';
import { makeUrlFetcher } from '../lib/ingest/server/fetch-url';

function args(argv: string[]) {
  const out: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--auto-accept') out.autoAccept = true;
    else if (a.startsWith('--')) out[a.slice(2)] = argv[++i] ?? '';
    else positional.push(a);
  }
  return { out, positional };
}

const say = (m: string) => console.log(`[ingest] ${m}`);

async function main() {
  const { out, positional } = args(process.argv.slice(2));
  const graph = { getCaseForIngest, findSourceByHash, commitReviewed };
  const today = new Date().toISOString().slice(0, 10);

  if (typeof out.commit === 'string') {
    const file = JSON.parse(readFileSync(out.commit, 'utf8')) as { document?: unknown; decisions?: unknown };
    const document = ProposalsDocument.parse(file.document ?? file);
    const decisions = file.decisions ? ReviewDecisions.parse(file.decisions) : out.autoAccept ? acceptAll(document) : null;
    if (!decisions) throw new IngestInputError('bad_proposals', 'The file has no "decisions": review it (or pass --auto-accept to accept everything in it).');
    say(`committing ${out.commit} into ${document.caseId} (one transaction)`);
    const res = await commitReviewed(document, decisions, today);
    say(res.message);
    return;
  }

  const target = positional[0];
  const caseId = typeof out.case === 'string' ? out.case : '';
  if (!target || !caseId) {
    console.error('usage: npm run ingest -- <file|url> --case <caseId> [--auto-accept] [--out proposals.json]\n       npm run ingest -- --commit <proposals.json> [--auto-accept]');
    process.exit(2);
  }
  const input: IngestInput = /^https?:\/\//i.test(target)
    ? { kind: 'url', url: target }
    : { kind: 'bytes', bytes: new Uint8Array(readFileSync(target)), fileName: path.basename(target) };
  const meta = Object.fromEntries(
    (['title', 'publisher', 'author', 'published', 'language', 'timeZone'] as const).flatMap((k) => (typeof out[k] === 'string' ? [[k, out[k]]] : [])),
  );
  const extractor = extractorFromEnv(process.env);
  const started = Date.now();
  const { document, commit } = await runIngest(
    { caseId, input, meta, autoAccept: out.autoAccept === true },
    { graph, extractor, fetcher: makeUrlFetcher(), progress: say },
  );
  for (const w of document.warnings) say(`warning: ${w}`);
  for (const e of document.events) say(`  ${e.status.padEnd(8)} ${e.start.padEnd(16)} ${e.title.slice(0, 90)}`);
  if (commit) {
    say(commit.message);
  } else {
    const file = typeof out.out === 'string' ? out.out : path.join('ingest-proposals', `${caseId}-${document.source.contentHash.slice(0, 12)}.json`);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, JSON.stringify({ document, decisions: acceptAll(document) }, null, 2));
    say(`proposals written to ${path.resolve(file)} (nothing was written to the graph).`);
    say(`review them (set "decision" to "reject" for what is wrong), then: npm run ingest -- --commit ${file}`);
    say(`or review in the app at /cases/${caseId}/ingest`);
  }
  say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main()
  .catch((e) => {
    console.error(`[ingest] ${e instanceof Error ? e.message : String(e)}`);
    if (e && typeof e === 'object' && 'details' in e && (e as { details?: unknown }).details) console.error(JSON.stringify((e as { details: unknown }).details, null, 2));
    if (e && typeof e === 'object' && 'problems' in e && Array.isArray((e as { problems: unknown[] }).problems)) console.error(JSON.stringify((e as { problems: unknown }).problems, null, 2));
    process.exitCode = 1;
  })
  .finally(() => closeDriver());
