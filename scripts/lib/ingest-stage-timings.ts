/**
 * Per-stage timings of the pure ingest pipeline over the labelled set (used by bench:ingest), so a
 * throughput regression points at its stage: clean, language, sentences, extraction, proposals.
 */
import { attribute } from '../../lib/ingest/attribution';
import { cleanDocument, type InputFormat } from '../../lib/ingest/clean';
import { findDates } from '../../lib/ingest/dates';
import { detectLanguage } from '../../lib/ingest/language';
import { buildGazetteer, findMentions, type KnownEntity } from '../../lib/ingest/mentions';
import { analyse, buildProposals, prepareSource, resolvePublisher } from '../../lib/ingest/pipeline';
import { RulesExtractor } from '../../lib/ingest/rules-extractor';
import { splitSentences } from '../../lib/ingest/sentences';

export interface StageInput {
  raw: string;
  format: InputFormat;
  entities: readonly KnownEntity[];
  caseId: string;
}

export type StageTimings = Record<string, number>;

/** Microseconds per article for each stage, averaged over `rounds` passes over the inputs. */
export function stageTimings(inputs: readonly StageInput[], rounds: number, now: string): StageTimings {
  const acc: StageTimings = {};
  const add = (k: string, t0: number) => {
    acc[k] = (acc[k] ?? 0) + cpuMicros() - t0;
  };
  const extractor = new RulesExtractor();
  for (let r = 0; r < rounds; r++) {
    for (const x of inputs) {
      let t = cpuMicros();
      const doc = cleanDocument(x.raw, x.format);
      add(`clean (${x.format === 'html' ? 'html' : 'text/md'})`, t);
      t = cpuMicros();
      detectLanguage(doc.text);
      add('language', t);
      const src = prepareSource({ raw: x.raw, format: x.format });
      t = cpuMicros();
      const sentences = splitSentences(src.text, src.meta.language.slice(0, 2), src.furniture);
      add('sentences', t);
      t = cpuMicros();
      const gaz = buildGazetteer(x.entities);
      const mentions = findMentions(src.text, sentences, gaz);
      add('mentions', t);
      t = cpuMicros();
      for (const s of sentences) findDates(s.text, { published: src.meta.published });
      add('dates', t);
      const publisher = resolvePublisher(src.meta.publisher, x.entities);
      t = cpuMicros();
      for (const s of sentences) attribute(s, mentions.filter((m) => m.sentence === s.index), publisher);
      add('attribution', t);
      const analysed = analyse(src);
      t = cpuMicros();
      const extraction = extractor.extract(analysed, { entities: x.entities, publisher });
      add('extractor (mentions+dates+events+attribution)', t);
      t = cpuMicros();
      buildProposals(src, analysed, extraction, extractor.name, publisher, { caseId: x.caseId, entities: x.entities, now });
      add('proposals', t);
    }
  }
  const htmlCount = inputs.filter((x) => x.format === 'html').length;
  const out: StageTimings = {};
  for (const [k, v] of Object.entries(acc)) {
    const n = k.startsWith('clean (html') ? htmlCount : k.startsWith('clean (') ? inputs.length - htmlCount : inputs.length;
    out[k] = Math.round(v / (rounds * Math.max(1, n)));
  }
  return out;
}

/** CPU time of this process (user + system), not wall time: the machine is shared, and waiting is not cost. */
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}
