import { decodeInput, checkText, formatBytes } from './decode';
import { guessFormat, type InputFormat } from './clean';
import { IngestInputError, MAX_INPUT_BYTES } from './errors';
import { isPdf } from './server/pdf-magic';
import type { Extractor } from './extractor';
import type { KnownEntity } from './mentions';
import { prepareSource, propose } from './pipeline';
import { acceptAll, type ProposalsDocument, type ReviewDecisions, type SourceMeta } from './proposals.schema';
import type { Case } from '../model/case';
import type { IngestCommitResponse } from './api.schema';

/**
 * The only part of the pipeline that does I/O, and it does it through what it is given: a fetcher
 * for URLs and a graph port for the case. The CLI and the API build those from the real network
 * and Neo4j; tests pass fakes.
 */
export interface FetchedDocument {
  bytes: Uint8Array;
  contentType: string | null;
  finalUrl: string;
}
export type Fetcher = (url: string) => Promise<FetchedDocument>;

/** The commit's answer; its schema (api.schema.ts) is what the OpenAPI document shows. */
export type IngestCommitResult = IngestCommitResponse;

export interface IngestGraph {
  getCaseForIngest(caseId: string): Promise<{ case: Case; entities: KnownEntity[] } | null>;
  findSourceByHash(caseId: string, contentHash: string): Promise<string | null>;
  commitReviewed(document: unknown, decisions: unknown, today: string): Promise<IngestCommitResult>;
}

export type IngestInput =
  | { kind: 'text'; text: string; format?: InputFormat }
  | { kind: 'bytes'; bytes: Uint8Array; fileName?: string | null; contentType?: string | null }
  | { kind: 'url'; url: string };

export interface RunOptions {
  caseId: string;
  input: IngestInput;
  meta?: Partial<SourceMeta>;
  /** Commit everything proposed without review (the CLI's --auto-accept). */
  autoAccept?: boolean;
}

export interface RunDeps {
  graph: IngestGraph;
  extractor: Extractor;
  fetcher?: Fetcher;
  now?: () => Date;
  progress?: (step: string) => void;
}

export interface RunResult {
  document: ProposalsDocument;
  commit: IngestCommitResult | null;
}

const FILE_TYPES = /\.(txt|md|markdown|html?|pdf)$/i;

export async function readInput(input: IngestInput, fetcher?: Fetcher): Promise<{ raw: string; format: InputFormat; url: string | null; warnings: string[] }> {
  if (input.kind === 'text') {
    const raw = checkText(input.text);
    return { raw, format: input.format ?? guessFormat(raw), url: null, warnings: [] };
  }
  if (input.kind === 'bytes') {
    if (input.fileName && !FILE_TYPES.test(input.fileName)) {
      throw new IngestInputError('unsupported_type', `"${input.fileName}" is not a .txt, .md, .html or .pdf file.`);
    }
    if (/\.pdf$/i.test(input.fileName ?? '') || /application\/pdf/i.test(input.contentType ?? '') || isPdf(input.bytes)) {
      if (input.bytes.length === 0) throw new IngestInputError('empty', 'The file is empty.');
      if (input.bytes.length > MAX_INPUT_BYTES) {
        throw new IngestInputError('too_large', `The file is ${formatBytes(input.bytes.length)}; the limit is ${formatBytes(MAX_INPUT_BYTES)}.`);
      }
      // Loaded only when a PDF arrives: the PDF reader is the largest piece of the pipeline.
      const { pdfToText } = await import('./server/pdf');
      const pdf = await pdfToText(input.bytes);
      const header = pdf.title ? `Title: ${pdf.title.replace(/\s+/g, ' ')}\n\n` : '';
      return { raw: checkText(header + pdf.text), format: 'text', url: null, warnings: [`Read from a PDF (${pdf.pages} page(s)): check the paragraphs in the preview.`, ...pdf.warnings] };
    }
    const decoded = decodeInput(input.bytes);
    return { raw: decoded.text, format: guessFormat(decoded.text, input.fileName ?? input.contentType), url: null, warnings: decoded.warnings };
  }
  if (!fetcher) throw new IngestInputError('url_refused', 'Fetching URLs is not available here.');
  const doc = await fetcher(input.url);
  const charset = /charset=([\w-]+)/i.exec(doc.contentType ?? '')?.[1] ?? null;
  const decoded = decodeInput(doc.bytes, { declaredCharset: charset });
  const type = (doc.contentType ?? '').toLowerCase();
  if (type && !/text\/(html|plain|markdown)|application\/xhtml/.test(type)) {
    throw new IngestInputError('unsupported_type', `The URL answered with ${type}, not an HTML or text page.`);
  }
  return { raw: decoded.text, format: guessFormat(decoded.text, type || doc.finalUrl), url: doc.finalUrl, warnings: decoded.warnings };
}

export async function runIngest(opts: RunOptions, deps: RunDeps): Promise<RunResult> {
  const say = deps.progress ?? (() => {});
  const now = deps.now?.() ?? new Date();
  say('reading the case');
  const kase = await deps.graph.getCaseForIngest(opts.caseId);
  if (!kase) throw new IngestInputError('bad_proposals', `There is no case "${opts.caseId}".`);
  say(opts.input.kind === 'url' ? `fetching ${opts.input.url}` : 'reading the input');
  const input = await readInput(opts.input, deps.fetcher);
  say('cleaning, detecting the language, splitting sentences');
  const src = prepareSource({ raw: input.raw, format: input.format, meta: opts.meta, url: input.url });
  src.warnings.unshift(...input.warnings);
  const existing = await deps.graph.findSourceByHash(opts.caseId, src.contentHash);
  say(`extracting with ${deps.extractor.name}`);
  const document = await propose(src, deps.extractor, {
    caseId: opts.caseId,
    entities: kase.entities,
    alreadyIngested: existing ? { sourceId: existing } : null,
    now: now.toISOString(),
  });
  say(`proposed ${document.events.length} event(s) and ${document.entities.length} entit(ies)`);
  if (!opts.autoAccept) return { document, commit: null };
  if (existing) {
    return { document, commit: { status: 'unchanged', sourceId: existing, message: 'This article (same content hash) is already in the case: nothing was changed.' } };
  }
  say('committing (one transaction)');
  const decisions: ReviewDecisions = acceptAll(document);
  const commit = await deps.graph.commitReviewed(document, decisions, now.toISOString().slice(0, 10));
  return { document, commit };
}
