import '../zod';
import { z } from 'zod';
import { Case } from './case';
import { Citation } from './citation';
import { Entity } from './entity';
import { Event } from './event';
import { Participation, Relation } from './relation';
import { Source } from './source';
import { Story, referenceProblems } from '../stories/story.schema';

export const BUNDLE_FORMAT = 'timeweave.case-bundle';

/**
 * A whole case, normalised: the unit that is loaded into Neo4j, exported and imported.
 * `checkBundleIntegrity` holds the invariants that a schema alone cannot.
 */
export const CaseBundle = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  case: Case,
  sources: z.array(Source),
  citations: z.array(Citation),
  entities: z.array(Entity),
  events: z.array(Event),
  participations: z.array(Participation),
  relations: z.array(Relation),
  /**
   * The case's stories (presentations). Optional, so bundles written before stories existed still
   * import; when present, an import makes the case's stories exactly these. Not part of the case's
   * content version (lib/embed/version.ts): a story points at evidence, it is not evidence.
   */
  stories: z.array(Story).max(200).optional(),
});
export type CaseBundle = z.infer<typeof CaseBundle>;

export interface IntegrityProblem {
  path: string;
  message: string;
}

/**
 * Every reference resolves, every citation's quote stands verbatim at its offsets in its source,
 * no citation rests on page furniture, and every record belongs to the bundle's case.
 */
export function checkBundleIntegrity(b: CaseBundle): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const caseId = b.case.id;

  const sources = new Map(b.sources.map((s) => [s.id, s]));
  const citations = new Set(b.citations.map((c) => c.id));
  const entities = new Set(b.entities.map((e) => e.id));
  const events = new Set(b.events.map((e) => e.id));

  for (const [name, list] of [
    ['sources', b.sources],
    ['citations', b.citations],
    ['entities', b.entities],
    ['events', b.events],
    ['participations', b.participations],
    ['relations', b.relations],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (seen.has(r.id)) add(`${name}[${i}]`, `duplicate id ${r.id}`);
      seen.add(r.id);
      if ('caseId' in r && r.caseId !== caseId) add(`${name}[${i}]`, `belongs to case ${r.caseId}, not ${caseId}`);
    });
  }

  b.citations.forEach((c, i) => {
    const src = sources.get(c.sourceId);
    if (!src) return add(`citations[${i}]`, `unknown source ${c.sourceId}`);
    // An orphan's offsets describe an older text (see Citation.orphaned); it is kept, not anchored.
    if (c.orphaned) return;
    if (src.text.slice(c.start, c.end) !== c.quote) {
      add(`citations[${i}]`, `quote not found verbatim at ${c.start}-${c.end} in ${src.id}`);
    }
    for (const f of src.furniture) {
      if (c.start < f.end && f.start < c.end) add(`citations[${i}]`, `quote overlaps page furniture (${f.reason})`);
    }
  });

  const checkCitations = (path: string, ids: readonly string[]) => {
    for (const id of ids) if (!citations.has(id)) add(path, `unknown citation ${id}`);
  };
  b.entities.forEach((e, i) => checkCitations(`entities[${i}]`, e.citationIds));
  b.events.forEach((e, i) => checkCitations(`events[${i}]`, e.citationIds));
  b.participations.forEach((p, i) => {
    checkCitations(`participations[${i}]`, p.citationIds);
    if (!events.has(p.eventId)) add(`participations[${i}]`, `unknown event ${p.eventId}`);
    if (!entities.has(p.entityId)) add(`participations[${i}]`, `unknown entity ${p.entityId}`);
  });
  b.relations.forEach((r, i) => {
    checkCitations(`relations[${i}]`, r.citationIds);
    if (!entities.has(r.fromId)) add(`relations[${i}]`, `unknown entity ${r.fromId}`);
    if (!entities.has(r.toId)) add(`relations[${i}]`, `unknown entity ${r.toId}`);
  });
  b.sources.forEach((s, i) => {
    if (s.publisherEntityId && !entities.has(s.publisherEntityId)) add(`sources[${i}]`, 'publisher points at unknown entity');
  });
  for (const [i, c] of b.citations.entries()) {
    for (const a of [c.assertedBy, ...c.via]) {
      if (a.entityId && !entities.has(a.entityId)) add(`citations[${i}]`, `asserter ${a.name} points at unknown entity`);
    }
  }
  const storyIds = new Set<string>();
  b.stories?.forEach((s, i) => {
    if (storyIds.has(s.id)) add(`stories[${i}]`, `duplicate story id ${s.id}`);
    storyIds.add(s.id);
    if (s.caseId !== caseId) add(`stories[${i}]`, `belongs to case ${s.caseId}, not ${caseId}`);
    for (const p of referenceProblems(s, { events, entities, citations })) add(`stories[${i}].${p.path}`, p.message);
  });
  return problems;
}
