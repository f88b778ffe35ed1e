import '../zod';
import { z } from 'zod';
import { parsePartialDate, precisionOf } from '../model/partial-date';
import { EventKind } from '../model/vocab';
import { attribute } from './attribution';
import { findDates, publicationFallback, resolveWhen, type ResolvedWhen } from './dates';
import type { AnalysedText, CandidateEvent, Extraction, ExtractionContext, Extractor } from './extractor';
import { buildGazetteer, findMentions } from './mentions';
import { localZoneOf, RulesExtractor, titleFrom } from './rules-extractor';
import { nameKey } from './text';

/**
 * An optional extractor that asks a model behind an OpenAI-compatible chat endpoint which
 * sentences report events. It proposes events only: every quote must be found verbatim in the
 * text (or the proposal is dropped), entities are resolved by the same gazetteer as the rules,
 * and attribution, hedges and status are decided by our rules, never by the model.
 *
 *   TIMEWEAVE_INGEST_EXTRACTOR=llm
 *   TIMEWEAVE_LLM_BASE_URL=https://…/v1   TIMEWEAVE_LLM_MODEL=…   TIMEWEAVE_LLM_API_KEY=…  (optional)
 *   TIMEWEAVE_LLM_TIMEOUT_MS=30000
 */
const LlmEvents = z.object({
  events: z
    .array(
      z.object({
        title: z.string().min(1).max(300),
        kind: z.string().optional(),
        date: z.string().nullable().optional(),
        end: z.string().nullable().optional(),
        quote: z.string().min(1).max(5000),
        participants: z.array(z.string().max(200)).max(30).optional(),
      }),
    )
    .max(200),
});

export interface LlmConfig {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
}

type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

const PROMPT = `You extract news events from an article. Answer with JSON only: {"events":[{"title": short English title, "kind": one of attack|deployment|withdrawal|meeting|statement|policy|incident|claim|other, "date": "YYYY-MM-DD" or "YYYY-MM" or null, "end": same or null, "quote": the exact sentence from the article that supports it, copied character for character, "participants": [names as written]}]}. Resolve relative dates against the publication date. Do not judge truth; include claims and denials as events.`;

export class LlmExtractor implements Extractor {
  readonly name: string;
  private readonly rules = new RulesExtractor();
  constructor(
    private readonly config: LlmConfig,
    private readonly fetchImpl: FetchLike = globalThis.fetch as unknown as FetchLike,
  ) {
    this.name = `llm:${config.model}`.slice(0, 100);
  }

  async extract(doc: AnalysedText, ctx: ExtractionContext): Promise<Extraction> {
    const mentions = findMentions(doc.text, doc.sentences, buildGazetteer(ctx.entities));
    const timeZone = doc.timeZone ?? localZoneOf(mentions);
    const dateCtx = { published: doc.published, localTimeZone: timeZone };
    const warnings: string[] = [];
    let answer: z.infer<typeof LlmEvents>;
    try {
      answer = await this.ask(doc);
    } catch (e) {
      // The model is optional: without it the offline rules still give proposals, and the reviewer is told.
      const fallback = this.rules.extract(doc, ctx);
      fallback.warnings.push(`The language-model extractor failed (${e instanceof Error ? e.message : String(e)}); the offline rules were used instead.`);
      return fallback;
    }
    const events: CandidateEvent[] = [];
    const attributions = new Map<number, ReturnType<typeof attribute>>();
    for (const ev of answer.events) {
      const at = doc.text.indexOf(ev.quote);
      const sentence = at < 0 ? undefined : doc.sentences.find((s) => s.start <= at && at < s.end);
      if (!sentence) {
        warnings.push(`Dropped a model proposal whose quote is not in the text: «${ev.quote.slice(0, 60)}…»`);
        continue;
      }
      const inSentence = mentions.filter((m) => m.sentence === sentence.index);
      attributions.set(sentence.index, attribute(sentence, inSentence, ctx.publisher));
      const when = this.when(ev.date ?? null, ev.end ?? null) ?? resolveWhen(findDates(sentence.text, dateCtx), null, dateCtx) ?? publicationFallback(doc.published);
      if (!when) continue;
      const wanted = new Set((ev.participants ?? []).map(nameKey));
      const participants = inSentence
        .filter((m) => wanted.size === 0 || wanted.has(nameKey(m.text)) || wanted.has(nameKey(m.name)))
        .map((m) => ({ ref: m.ref, role: m.type === 'place' ? 'location' : 'participant' }))
        .filter((p, i, all) => all.findIndex((q) => q.ref === p.ref) === i);
      const kind = EventKind.safeParse(ev.kind);
      events.push({ sentences: [sentence.index], kind: kind.success ? kind.data : 'other', title: ev.title || titleFrom(sentence.text), when, participants, confidence: 0.7 });
    }
    return { mentions, events, attributions, warnings };
  }

  private when(date: string | null, end: string | null): ResolvedWhen | null {
    if (!date || !parsePartialDate(date)) return null;
    const okEnd = end && parsePartialDate(end) ? end : null;
    return {
      start: date, precision: precisionOf(date)!, approximate: false, end: okEnd, endPrecision: okEnd ? precisionOf(okEnd) : null, endApproximate: false,
      timeZone: null, evidence: [], basis: 'context',
    };
  }

  private async ask(doc: AnalysedText): Promise<z.infer<typeof LlmEvents>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.config.timeoutMs);
    try {
      const res = await this.fetchImpl(`${this.config.baseUrl.replace(/\/$/, '')}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {}) },
        body: JSON.stringify({
          model: this.config.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: PROMPT },
            { role: 'user', content: `Publication date: ${doc.published ?? 'unknown'}\nLanguage: ${doc.language}\n\n${doc.text.slice(0, 60_000)}` },
          ],
        }),
        signal: controller.signal,
      });
      if (!res.ok) throw new Error(`the endpoint answered HTTP ${res.status}`);
      const body = (await res.json()) as { choices?: Array<{ message?: { content?: string } }> };
      const content = body.choices?.[0]?.message?.content ?? '';
      const json = JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, '')) as unknown;
      return LlmEvents.parse(json);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The extractor the environment asks for; the offline rules unless TIMEWEAVE_INGEST_EXTRACTOR=llm is fully configured. */
export function extractorFromEnv(env: Record<string, string | undefined>): Extractor {
  if (env.TIMEWEAVE_INGEST_EXTRACTOR !== 'llm') return new RulesExtractor();
  const baseUrl = env.TIMEWEAVE_LLM_BASE_URL;
  const model = env.TIMEWEAVE_LLM_MODEL;
  if (!baseUrl || !model) throw new Error('TIMEWEAVE_INGEST_EXTRACTOR=llm needs TIMEWEAVE_LLM_BASE_URL and TIMEWEAVE_LLM_MODEL');
  return new LlmExtractor({ baseUrl, model, apiKey: env.TIMEWEAVE_LLM_API_KEY ?? null, timeoutMs: Number(env.TIMEWEAVE_LLM_TIMEOUT_MS ?? 30_000) });
}
