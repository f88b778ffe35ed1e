import { BUNDLE_FORMAT, CaseBundle, checkBundleIntegrity } from '../model/bundle';
import type { Asserter } from '../model/citation';
import { makeId } from '../model/ids';
import { normalizeStory } from '../stories/story.schema';
import { InterchangeError, parseJsonText, zodProblems } from './errors';

/**
 * The case bundle as a file: the backup and exchange format that imports back identically.
 *
 * Neo4j keeps no order among nodes, nor among the SUPPORTS relationships of an event or entity, so
 * "identically" is defined on the canonical form: records sorted by id, and the citation ids of
 * events and entities sorted (participations and relations store theirs as ordered lists, kept).
 * Nothing is lost by this: citations are always shown in the order they stand in their source.
 */
export function canonicalBundle(b: CaseBundle): CaseBundle {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const sorted = (ids: readonly string[]) => [...ids].sort();
  return {
    format: b.format,
    version: b.version,
    case: b.case,
    sources: byId(b.sources),
    citations: byId(b.citations),
    entities: byId(b.entities).map((e) => ({ ...e, citationIds: sorted(e.citationIds) })),
    events: byId(b.events).map((e) => ({ ...e, citationIds: sorted(e.citationIds) })),
    participations: byId(b.participations),
    relations: byId(b.relations),
    // Only when the bundle has them: a bundle without stories stays exactly as it was.
    ...(b.stories ? { stories: byId(b.stories) } : {}),
  };
}

export function bundleToJson(b: CaseBundle): string {
  return `${JSON.stringify(canonicalBundle(b), null, 2)}\n`;
}

/** Parses and checks a bundle file: the schema, then every invariant the schema cannot hold. */
export function parseBundleJson(text: string): CaseBundle {
  const raw = parseJsonText(text, 'case bundle');
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BUNDLE_FORMAT) {
    throw new InterchangeError(`not a Timeweave case bundle: "format" must be "${BUNDLE_FORMAT}"`);
  }
  const parsed = CaseBundle.safeParse(raw);
  if (!parsed.success) throw new InterchangeError('the case bundle is not valid', zodProblems(parsed.error.issues));
  const problems = checkBundleIntegrity(parsed.data);
  if (problems.length) throw new InterchangeError(`the case bundle breaks ${problems.length} invariant(s)`, problems);
  return parsed.data;
}

/**
 * The same case under another case id. Every record id is derived again (ids are global in Neo4j
 * and a case's ids derive from its id), deterministically: re-keying the same bundle to the same
 * id twice gives the same ids, so importing it twice changes nothing. Every reference follows.
 */
export function rekeyBundle(b: CaseBundle, caseId: string, title?: string): CaseBundle {
  if (caseId === b.case.id && (title === undefined || title === b.case.title)) return b;
  if (caseId === b.case.id) return { ...b, case: { ...b.case, title: title! } };
  const map = new Map<string, string>();
  const rekey = (kind: Parameters<typeof makeId>[0], id: string) => {
    const next = makeId(kind, caseId, 'rekeyed', id);
    map.set(id, next);
    return next;
  };
  b.sources.forEach((s) => rekey('source', s.id));
  b.citations.forEach((c) => rekey('citation', c.id));
  b.entities.forEach((e) => rekey('entity', e.id));
  b.events.forEach((e) => rekey('event', e.id));
  b.participations.forEach((p) => rekey('participation', p.id));
  b.relations.forEach((r) => rekey('relation', r.id));
  // An unknown reference is left as it is, so the integrity check still reports it.
  const id = (old: string) => map.get(old) ?? old;
  const optId = (old: string | null) => (old === null ? null : id(old));
  const ids = (olds: readonly string[]) => olds.map(id);
  const asserter = (a: Asserter): Asserter => ({ ...a, entityId: optId(a.entityId) });
  return {
    format: b.format,
    version: b.version,
    case: { ...b.case, id: caseId, title: title ?? b.case.title },
    sources: b.sources.map((s) => ({ ...s, id: id(s.id), caseId, publisherEntityId: optId(s.publisherEntityId) })),
    citations: b.citations.map((c) => ({
      ...c,
      id: id(c.id),
      caseId,
      sourceId: id(c.sourceId),
      assertedBy: asserter(c.assertedBy),
      via: c.via.map(asserter),
    })),
    entities: b.entities.map((e) => ({ ...e, id: id(e.id), caseId, citationIds: ids(e.citationIds) })),
    events: b.events.map((e) => ({ ...e, id: id(e.id), caseId, citationIds: ids(e.citationIds) })),
    participations: b.participations.map((p) => ({ ...p, id: id(p.id), eventId: id(p.eventId), entityId: id(p.entityId), citationIds: ids(p.citationIds) })),
    relations: b.relations.map((r) => ({ ...r, id: id(r.id), fromId: id(r.fromId), toId: id(r.toId), citationIds: ids(r.citationIds) })),
    // Stories keep their slugs (unique per case); their references follow the records. Case-file
    // keys (event:<key>) are resolved against the old case first, since they derive from its id.
    ...(b.stories
      ? {
          stories: b.stories.map(normalizeStory).map((s) => ({
            ...s,
            caseId,
            steps: s.steps.map((st) => ({ ...st, focus: ids(st.focus), citations: ids(st.citations) })),
          })),
        }
      : {}),
  };
}
