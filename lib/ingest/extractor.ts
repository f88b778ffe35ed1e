import type { EventKind } from '../model/vocab';
import type { Attribution, Publisher } from './attribution';
import type { ResolvedWhen } from './dates';
import type { KnownEntity, Mention } from './mentions';
import type { CandidateRelation } from './relations';
import type { Sentence } from './sentences';

/**
 * The extractor is an interface: the default reads with rules, offline and in microseconds
 * (rules-extractor.ts); another may ask a language model (llm-extractor.ts). Either way it only
 * proposes: anchoring, ids, hedging and statuses are decided after it, by the same code.
 */
export interface AnalysedText {
  text: string;
  language: string;
  sentences: readonly Sentence[];
  /** Publication date (partial), for resolving relative dates. */
  published: string | null;
  /** Zone of local times, when the metadata or the places mentioned tell it. */
  timeZone: string | null;
}

export interface ExtractionContext {
  entities: readonly KnownEntity[];
  publisher: Publisher;
}

export interface CandidateEvent {
  /** The sentences (indexes into AnalysedText.sentences) that support it; the first is the main one. */
  sentences: number[];
  kind: EventKind;
  title: string;
  when: ResolvedWhen;
  /** Mention refs (entity ids or new:… keys) with their roles. */
  participants: Array<{ ref: string; role: string }>;
  confidence: number;
}

export interface Extraction {
  mentions: Mention[];
  events: CandidateEvent[];
  /** Entity–entity relationships between mention refs; optional (an extractor may propose none). */
  relations?: CandidateRelation[];
  /** Attribution of each cited sentence, by sentence index. */
  attributions: Map<number, Attribution>;
  warnings: string[];
}

export interface Extractor {
  readonly name: string;
  extract(doc: AnalysedText, ctx: ExtractionContext): Extraction | Promise<Extraction>;
}
