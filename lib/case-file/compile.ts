import { BUNDLE_FORMAT, CaseBundle, checkBundleIntegrity, type IntegrityProblem } from '../model/bundle';
import type { Asserter, Citation } from '../model/citation';
import type { Entity } from '../model/entity';
import type { Event } from '../model/event';
import { makeId, sha256Hex } from '../model/ids';
import { precisionOf } from '../model/partial-date';
import type { Participation, Relation } from '../model/relation';
import type { Source } from '../model/source';
import { detectHedges } from '../provenance/hedges';
import { AnchorError, anchorQuote } from './anchor';
import { CaseFile } from './case-file.schema';

/** A case file that cannot become a bundle, with every problem found (not just the first). */
export class CaseFileError extends Error {
  override name = 'CaseFileError';
  constructor(readonly problems: IntegrityProblem[]) {
    super(`the case file has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
}

/**
 * Turns a curated case file into a normalised bundle: finds each quote's offsets in its source text,
 * derives ids from keys, detects hedges, and checks every reference. Pure: the caller reads files.
 */
export function compileCaseFile(input: unknown, sourceTexts: Readonly<Record<string, string>>): CaseBundle {
  const parsed = CaseFile.safeParse(input);
  if (!parsed.success) {
    throw new CaseFileError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const file = parsed.data;
  const caseId = file.case.id;
  const problems: IntegrityProblem[] = [];
  const ids = {
    source: new Map(file.sources.map((s) => [s.key, makeId('source', caseId, s.key)])),
    entity: new Map(file.entities.map((e) => [e.key, makeId('entity', caseId, e.key)])),
    event: new Map(file.events.map((e) => [e.key, makeId('event', caseId, e.key)])),
    citation: new Map<string, string>(),
  };
  const ref = (kind: keyof typeof ids, key: string, path: string): string => {
    const id = ids[kind].get(key);
    if (!id) problems.push({ path, message: `unknown ${kind} key "${key}"` });
    return id ?? '';
  };

  const sources: Source[] = file.sources.map((s, i) => {
    const text = sourceTexts[s.file];
    if (text === undefined) {
      problems.push({ path: `sources[${i}].file`, message: `no text for ${s.file}` });
      return null;
    }
    const furniture = s.furniture.flatMap((f, j) => {
      try {
        const a = anchorQuote(text, f.quote, f.occurrence);
        return [{ start: a.start, end: a.end, reason: f.reason }];
      } catch (e) {
        problems.push({ path: `sources[${i}].furniture[${j}]`, message: messageOf(e) });
        return [];
      }
    });
    const { key, file: _file, publisherEntity, ...meta } = s;
    const publisherEntityId = publisherEntity ? ref('entity', publisherEntity, `sources[${i}].publisherEntity`) : null;
    return { ...meta, publisherEntityId, id: ref('source', key, `sources[${i}]`), caseId, text, contentHash: sha256Hex(text), furniture };
  }).filter((s): s is Source => s !== null);
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const asserter = (a: { kind: Asserter['kind']; name: string; entity?: string | undefined }, path: string): Asserter => ({
    kind: a.kind,
    name: a.name,
    entityId: a.entity ? ref('entity', a.entity, path) : null,
  });

  const citations: Citation[] = file.citations.flatMap((c, i) => {
    const path = `citations[${i}]`;
    const sourceId = ref('source', c.source, `${path}.source`);
    const src = sourceById.get(sourceId);
    if (!src) return [];
    try {
      const a = anchorQuote(src.text, c.quote, c.occurrence);
      const id = makeId('citation', sourceId, a.start, a.end);
      if (ids.citation.has(c.key)) problems.push({ path, message: `duplicate citation key "${c.key}"` });
      ids.citation.set(c.key, id);
      return [{
        id,
        caseId,
        sourceId,
        quote: c.quote,
        ...a,
        language: src.language,
        translation: c.translation,
        assertedBy: asserter(c.assertedBy, `${path}.assertedBy`),
        via: c.via.map((v, j) => asserter(v, `${path}.via[${j}]`)),
        stance: c.stance,
        hedges: c.hedges ?? detectHedges(c.quote),
        orphaned: false,
      }];
    } catch (e) {
      problems.push({ path, message: messageOf(e) });
      return [];
    }
  });
  const cites = (keys: readonly string[], path: string) => keys.map((k, j) => ref('citation', k, `${path}[${j}]`));

  const entities: Entity[] = file.entities.map((e, i) => ({
    id: ref('entity', e.key, `entities[${i}]`),
    caseId,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    description: e.description,
    citationIds: cites(e.citations, `entities[${i}].citations`),
  }));

  const participations: Participation[] = [];
  const events: Event[] = file.events.map((e, i) => {
    const path = `events[${i}]`;
    const id = ref('event', e.key, path);
    e.participants.forEach((p, j) => {
      const entityId = ref('entity', p.entity, `${path}.participants[${j}].entity`);
      participations.push({
        id: makeId('participation', id, entityId, p.role),
        eventId: id,
        entityId,
        role: p.role,
        citationIds: cites(p.citations, `${path}.participants[${j}].citations`),
      });
    });
    return {
      id,
      caseId,
      title: e.title,
      description: e.description,
      kind: e.kind,
      start: e.start,
      precision: precisionOf(e.start)!,
      approximate: e.approximate,
      end: e.end,
      endPrecision: e.end ? precisionOf(e.end) : null,
      endApproximate: e.endApproximate,
      timeZone: e.timeZone,
      status: e.status,
      statusReason: e.statusReason,
      citationIds: cites(e.citations, `${path}.citations`),
    };
  });

  const relations: Relation[] = file.relations.map((r, i) => {
    const fromId = ref('entity', r.from, `relations[${i}].from`);
    const toId = ref('entity', r.to, `relations[${i}].to`);
    return {
      id: makeId('relation', r.type, fromId, toId),
      type: r.type,
      fromId,
      toId,
      validFrom: r.validFrom,
      validTo: r.validTo,
      citationIds: cites(r.citations, `relations[${i}].citations`),
    };
  });

  if (problems.length) throw new CaseFileError(problems);
  const candidate = { format: BUNDLE_FORMAT, version: 1, case: file.case, sources, citations, entities, events, participations, relations };
  const bundle = CaseBundle.safeParse(candidate);
  if (!bundle.success) {
    throw new CaseFileError(bundle.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const integrity = checkBundleIntegrity(bundle.data);
  if (integrity.length) throw new CaseFileError(integrity);
  return bundle.data;
}

function messageOf(e: unknown): string {
  return e instanceof AnchorError || e instanceof Error ? e.message : String(e);
}
