import { createHash } from 'node:crypto';
import { CONTEXT_CHARS } from '../case-file/anchor';
import { makeId, sha256Hex } from '../model/ids';
import { isValidTimeZone, parsePartialDate } from '../model/partial-date';
import type { FurnitureSpan } from '../model/source';
import { deriveStatus, statusEvidenceOf } from '../provenance/status-rules';
import { attribute, type Attribution, type Publisher } from './attribution';
import { cleanDocument, type DocumentMeta, type InputFormat } from './clean';
import { findDates } from './dates';
import type { AnalysedText, Extraction, Extractor } from './extractor';
import { detectLanguage } from './language';
import { buildGazetteer, findMentions, type KnownEntity, type Mention } from './mentions';
import {
  PROPOSALS_FORMAT,
  ProposalsDocument,
  SourceMeta,
  type EntityProposal,
  type EventProposal,
  type ProposedCitation,
  type RelationProposal,
} from './proposals.schema';
import { splitSentences, type Sentence } from './sentences';
import { nameKey } from './text';

/**
 * The pure pipeline, text in and proposals out: clean → language → sentences → extractor (dates,
 * mentions, events, attribution) → proposals with anchored citations and derived statuses. No I/O:
 * the runner fetches, asks the graph what the case already has, and passes it all in.
 */
export interface PreparedSource {
  text: string;
  furniture: FurnitureSpan[];
  format: InputFormat;
  meta: SourceMeta;
  contentHash: string;
  warnings: string[];
}

export interface PrepareInput {
  raw: string;
  format: InputFormat;
  /** What the user typed in the form or on the command line; wins over what the document says. */
  meta?: Partial<SourceMeta>;
  /** Where it came from, when fetched (fills `url` and a default publisher). */
  url?: string | null;
}

export function prepareSource(input: PrepareInput): PreparedSource {
  const doc = cleanDocument(input.raw, input.format);
  const warnings = [...doc.warnings];
  const lang = detectLanguage(doc.text);
  const given = input.meta ?? {};
  const language = given.language ?? normaliseLang(doc.meta.language) ?? (lang.language !== 'und' ? lang.language : 'en');
  if (!lang.supported && !given.language) {
    warnings.push(`The language looks like "${lang.language}"; dates, hedges and event words are read in French and English only.`);
  }
  const published = given.published !== undefined ? given.published : publishedOf(doc.meta);
  if (!published) warnings.push('No publication date was found: relative dates ("jeudi", "yesterday") cannot be resolved. Set it and re-read.');
  const url = given.url !== undefined ? given.url : (safeUrl(doc.meta.url) ?? safeUrl(input.url ?? undefined));
  const meta = SourceMeta.parse({
    title: (given.title ?? doc.meta.title ?? doc.text.split('\n')[0] ?? 'Untitled').slice(0, 500).trim() || 'Untitled',
    publisher: (given.publisher ?? doc.meta.publisher ?? hostOf(url) ?? 'Unknown publisher').slice(0, 200),
    author: given.author !== undefined ? given.author : (doc.meta.author?.slice(0, 200) ?? null),
    url,
    language,
    published,
    timeZone: given.timeZone !== undefined ? given.timeZone : doc.meta.timeZone && isValidTimeZone(doc.meta.timeZone) ? doc.meta.timeZone : null,
  });
  return { text: doc.text, furniture: doc.furniture, format: doc.format, meta, contentHash: contentHashOf(doc.text), warnings };
}

/**
 * The same hex SHA-256 as `sha256Hex` (model/ids.ts, which stays portable for the browser), by
 * Node's native hash: the whole article text is hashed on every read, and the portable one cost as
 * much as sentence segmentation. The ingest pipeline runs on the server only (it builds a DOM).
 */
function contentHashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function analyse(src: Pick<PreparedSource, 'text' | 'furniture' | 'meta'>): AnalysedText {
  return {
    text: src.text,
    language: src.meta.language,
    sentences: splitSentences(src.text, src.meta.language.slice(0, 2), src.furniture),
    published: src.meta.published,
    timeZone: src.meta.timeZone,
  };
}

export interface ProposeContext {
  caseId: string;
  entities: readonly KnownEntity[];
  alreadyIngested?: { sourceId: string } | null;
  /** ISO instant; a parameter so the function stays pure. */
  now: string;
}

export function resolvePublisher(name: string, entities: readonly KnownEntity[]): Publisher {
  const key = nameKey(name);
  const outlet = entities.find((e) => e.type === 'outlet' && [e.name, ...e.aliases.map((a) => a.name)].some((n) => nameKey(n) === key));
  return { name, entityId: outlet?.id ?? null };
}

export async function propose(src: PreparedSource, extractor: Extractor, ctx: ProposeContext): Promise<ProposalsDocument> {
  const analysed = analyse(src);
  const publisher = resolvePublisher(src.meta.publisher, ctx.entities);
  const extraction = await extractor.extract(analysed, { entities: ctx.entities, publisher });
  return buildProposals(src, analysed, extraction, extractor.name, publisher, ctx);
}

/** Turns what an extractor found into the reviewable document: citations, entity and event proposals. */
export function buildProposals(
  src: PreparedSource,
  analysed: AnalysedText,
  extraction: Extraction,
  extractorName: string,
  publisher: Publisher,
  ctx: ProposeContext,
): ProposalsDocument {
  const { text } = src;
  const sentences = analysed.sentences;
  const attributionOf = (i: number): Attribution => {
    let a = extraction.attributions.get(i);
    if (!a) {
      a = attribute(sentences[i]!, extraction.mentions.filter((m) => m.sentence === i), publisher);
      extraction.attributions.set(i, a);
    }
    return a;
  };
  const citationOf = (s: Sentence): ProposedCitation => {
    const a = attributionOf(s.index);
    return {
      quote: s.text,
      start: s.start,
      end: s.end,
      prefix: text.slice(Math.max(0, s.start - CONTEXT_CHARS), s.start),
      suffix: text.slice(s.end, s.end + CONTEXT_CHARS),
      assertedBy: a.assertedBy,
      via: a.via,
      stance: a.stance,
      hedges: a.hedges,
    };
  };

  // Asked for every mention, participant and relationship end: hashed once per ref.
  const keys = new Map<string, string>();
  const entityKey = (ref: string) => {
    let k = keys.get(ref);
    if (k === undefined) keys.set(ref, (k = ref.startsWith('new:') ? `new-${sha256Hex(ref).slice(0, 12)}` : ref));
    return k;
  };
  const groups = new Map<string, Mention[]>();
  for (const m of extraction.mentions) groups.set(m.ref, [...(groups.get(m.ref) ?? []), m]);
  const entities: EntityProposal[] = [...groups.entries()].map(([ref, ms]) => {
    const first = ms[0]!;
    const isNew = first.entityId === null;
    const seen = new Set<string>();
    return {
      key: entityKey(ref),
      action: isNew ? 'create' : 'link',
      entityId: first.entityId ?? makeId('entity', ctx.caseId, 'ingest', nameKey(first.name)),
      type: first.type,
      name: first.name,
      mentions: ms.filter((m) => !seen.has(m.text) && seen.add(m.text)).slice(0, 200).map((m) => ({ text: m.text.slice(0, 200), start: m.start, end: m.end })),
      how: isNew ? (extractorName.startsWith('rules') ? 'new' : first.how) : first.how,
      citation: sentences[first.sentence] ? citationOf(sentences[first.sentence]!) : null,
    };
  });
  const knownKeys = new Set(entities.map((e) => e.key));

  const events: EventProposal[] = extraction.events.map((c) => {
    const citations = c.sentences.map((i) => citationOf(sentences[i]!));
    const derived = deriveStatus(citations.map((ci) => statusEvidenceOf(ci, publisher.name)));
    // A single article is one publisher: the rules cannot say confirmed, and this stays so if they change.
    const status = derived.status === 'confirmed' ? 'reported' : derived.status;
    const w = c.when;
    const first = sentences[c.sentences[0]!]!;
    return {
      key: `evt-${first.start}`,
      title: c.title.slice(0, 300),
      description: c.sentences.map((i) => sentences[i]!.text).join(' ').slice(0, 5000),
      kind: c.kind,
      start: w.start,
      precision: w.precision,
      approximate: w.approximate,
      end: w.end,
      endPrecision: w.endPrecision,
      endApproximate: w.endApproximate,
      timeZone: w.timeZone,
      dateEvidence: w.evidence.slice(0, 10),
      dateBasis: w.basis,
      status,
      statusRule: derived.rule.slice(0, 500),
      citations,
      participants: c.participants.map((p) => ({ entityKey: entityKey(p.ref), role: p.role })).filter((p) => knownKeys.has(p.entityKey)),
      confidence: c.confidence,
    };
  });

  const byRef = new Map(entities.map((e) => [e.key, e]));
  const relations: RelationProposal[] = (extraction.relations ?? [])
    .map((r) => ({ r, from: entityKey(r.fromRef), to: entityKey(r.toRef) }))
    .filter(({ r, from, to }) => from !== to && byRef.has(from) && byRef.has(to) && sentences[r.sentence] !== undefined)
    .map(({ r, from, to }) => ({
      key: `rel-${sentences[r.sentence]!.start}-${r.type.toLowerCase().replace(/_/g, '-')}-${from.slice(-12)}-${to.slice(-12)}`.slice(0, 121),
      type: r.type,
      fromKey: from,
      toKey: to,
      cue: r.cue.slice(0, 200),
      citation: citationOf(sentences[r.sentence]!),
    }));

  const warnings = [...src.warnings, ...extraction.warnings];
  if (ctx.alreadyIngested) warnings.unshift('This exact text is already in the case: committing it again changes nothing.');
  if (events.length === 0) warnings.push('No candidate events were found in this text.');
  // Built to the schema by construction (the unit tests parse it); validated again where it comes
  // back from outside (applyReview). Not parsed here: zod's time-zone refinement builds an
  // Intl.DateTimeFormat per field, which would dominate the pipeline's cost.
  const doc: ProposalsDocument = {
    format: PROPOSALS_FORMAT,
    version: 1,
    caseId: ctx.caseId,
    extractor: extractorName,
    createdAt: ctx.now,
    source: { meta: src.meta, text, contentHash: src.contentHash, furniture: src.furniture, format: src.format },
    alreadyIngested: ctx.alreadyIngested ?? null,
    warnings: warnings.slice(0, 50).map((w) => w.slice(0, 500)),
    entities: entities.slice(0, 500),
    events: events.slice(0, 500),
    relations: relations.slice(0, 500),
  };
  return doc;
}

// ---------------------------------------------------------------------------------------------

function normaliseLang(l: string | undefined): string | null {
  const m = /^([a-z]{2,3})/i.exec(l ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/** Publication date from metadata: an ISO date/time keeps its day; words are read by the date stage. */
export function publishedOf(meta: DocumentMeta): string | null {
  const raw = meta.published?.trim();
  if (!raw) return null;
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(raw);
  if (iso) {
    const v = [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
    return parsePartialDate(v) ? v : null;
  }
  const found = findDates(raw, { published: null }).find((d) => d.kind === 'date' && d.value);
  return found?.value ?? null;
}

function safeUrl(u: string | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function hostOf(u: string | null): string | null {
  if (!u) return null;
  try {
    return new URL(u).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export { buildGazetteer, findMentions };
