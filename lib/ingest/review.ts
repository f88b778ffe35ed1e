import { BUNDLE_FORMAT, CaseBundle, checkBundleIntegrity, type IntegrityProblem } from '../model/bundle';
import type { Case } from '../model/case';
import type { Citation } from '../model/citation';
import type { Entity } from '../model/entity';
import type { Event } from '../model/event';
import { makeId, sha256Hex } from '../model/ids';
import { precisionOf } from '../model/partial-date';
import type { Participation, Relation } from '../model/relation';
import type { Source } from '../model/source';
import { IngestInputError } from './errors';
import type { KnownEntity } from './mentions';
import { resolvePublisher } from './pipeline';
import { ProposalsDocument, ReviewDecisions, SourceMeta, type ProposedCitation } from './proposals.schema';

/**
 * Review → bundle: the accepted subset of a proposals document becomes a CaseBundle holding only
 * what this article adds (its source, the citations, new entities, the existing entities it
 * touches, events and participations). Pure and strict: it re-hashes the text, requires a decision
 * for what is kept, and runs the bundle's integrity check, so whatever came back from a browser or a
 * file is judged again here.
 */
export class ReviewError extends IngestInputError {
  constructor(
    message: string,
    readonly problems: IntegrityProblem[] = [],
  ) {
    super('bad_proposals', message);
  }
}

export interface IngestDelta {
  bundle: CaseBundle;
  /** Existing entities the delta touches (must exist in the case when it is written). */
  linkedEntityIds: string[];
  /** Aliases to add to existing entities (new spellings met in this article). */
  newAliases: Array<{ entityId: string; name: string; lang: string }>;
  counts: {
    events: number;
    newEntities: number;
    linkedEntities: number;
    citations: number;
    relations: number;
    rejectedEvents: number;
    rejectedEntities: number;
    /** Rejected by the reviewer, or dropped because an end of it was rejected. */
    rejectedRelations: number;
  };
}

export interface ReviewContext {
  case: Case;
  /** The case's entities now (ids for merges and links are checked against these). */
  entities: readonly KnownEntity[];
  /** ISO date of the capture. */
  retrieved: string;
}

export function sourceIdFor(caseId: string, contentHash: string): string {
  return makeId('source', caseId, 'sha256', contentHash);
}

export function applyReview(rawDoc: unknown, rawDecisions: unknown, ctx: ReviewContext): IngestDelta {
  const doc = ProposalsDocument.parse(rawDoc);
  const decisions = ReviewDecisions.parse(rawDecisions);
  const caseId = ctx.case.id;
  if (doc.caseId !== caseId) throw new ReviewError(`these proposals are for case ${doc.caseId}, not ${caseId}`);
  if (sha256Hex(doc.source.text) !== doc.source.contentHash) {
    throw new ReviewError('the article text was changed after it was read (its hash no longer matches): read it again');
  }
  const meta = SourceMeta.parse({ ...doc.source.meta, ...(decisions.meta ?? {}) });
  const known = new Map(ctx.entities.map((e) => [e.id, e]));
  const sourceId = sourceIdFor(caseId, doc.source.contentHash);
  const publisher = resolvePublisher(meta.publisher, ctx.entities);

  const source: Source = {
    id: sourceId,
    caseId,
    title: meta.title,
    publisher: meta.publisher,
    publisherEntityId: publisher.entityId,
    author: meta.author,
    url: meta.url,
    language: meta.language,
    published: meta.published,
    retrieved: ctx.retrieved,
    text: doc.source.text,
    contentHash: doc.source.contentHash,
    reliabilityNote: null,
    furniture: doc.source.furniture,
  };

  const citations = new Map<string, Citation>();
  const cite = (c: ProposedCitation): string => {
    const id = makeId('citation', sourceId, c.start, c.end);
    if (!citations.has(id)) {
      citations.set(id, {
        id,
        caseId,
        sourceId,
        quote: c.quote,
        prefix: c.prefix,
        suffix: c.suffix,
        start: c.start,
        end: c.end,
        language: meta.language,
        translation: null,
        assertedBy: c.assertedBy,
        via: c.via,
        stance: c.stance,
        hedges: c.hedges,
        orphaned: false,
      });
    }
    return id;
  };

  // Entities: accepted ones are created or linked; merged ones become the existing entity they name.
  const entityDecisions = new Map(decisions.entities.map((d) => [d.key, d]));
  const entityIdByKey = new Map<string, string>();
  const entities = new Map<string, Entity>();
  const newAliases: IngestDelta['newAliases'] = [];
  let rejectedEntities = 0;
  for (const p of doc.entities) {
    const d = entityDecisions.get(p.key);
    if (!d || d.decision === 'reject') {
      rejectedEntities++;
      continue;
    }
    const citationIds = p.citation ? [cite(p.citation)] : [];
    const targetId = d.decision === 'merge' ? d.mergeInto : p.action === 'link' ? p.entityId : null;
    if (d.decision === 'merge' && !d.mergeInto) throw new ReviewError(`entity "${p.name}": a merge needs the entity to merge into`);
    if (targetId) {
      const target = known.get(targetId);
      if (!target) throw new ReviewError(`entity "${p.name}" points at ${targetId}, which is not an entity of this case`);
      entityIdByKey.set(p.key, targetId);
      const prev = entities.get(targetId);
      entities.set(targetId, {
        id: targetId,
        caseId,
        type: target.type,
        name: target.name,
        aliases: [],
        description: null,
        citationIds: [...new Set([...(prev?.citationIds ?? []), ...citationIds])],
      });
      const have = new Set([target.name, ...target.aliases.map((a) => a.name)].map((n) => n.toLowerCase()));
      for (const m of p.mentions) {
        if (!have.has(m.text.toLowerCase()) && (p.how === 'spelling' || d.decision === 'merge')) {
          have.add(m.text.toLowerCase());
          newAliases.push({ entityId: targetId, name: m.text, lang: meta.language });
        }
      }
    } else {
      const name = d.name ?? p.name;
      entityIdByKey.set(p.key, p.entityId);
      entities.set(p.entityId, {
        id: p.entityId,
        caseId,
        type: d.type ?? p.type,
        name,
        aliases: [...new Set(p.mentions.map((m) => m.text))].filter((t) => t !== name).slice(0, 50).map((t) => ({ name: t, lang: meta.language })),
        description: null,
        citationIds,
      });
    }
  }

  const eventDecisions = new Map(decisions.events.map((d) => [d.key, d]));
  const relationDecisions = new Map(decisions.relations.map((d) => [d.key, d]));
  for (const key of [...eventDecisions.keys(), ...entityDecisions.keys()]) {
    if (!doc.events.some((e) => e.key === key) && !doc.entities.some((e) => e.key === key)) throw new ReviewError(`a decision names "${key}", which is not in the proposals`);
  }
  for (const key of relationDecisions.keys()) {
    if (!doc.relations.some((r) => r.key === key)) throw new ReviewError(`a decision names relationship "${key}", which is not in the proposals`);
  }
  const events: Event[] = [];
  const participations: Participation[] = [];
  let rejectedEvents = 0;
  for (const p of doc.events) {
    const d = eventDecisions.get(p.key);
    if (!d || d.decision === 'reject') {
      rejectedEvents++;
      continue;
    }
    const citationIds = p.citations.map(cite);
    const start = d.start ?? p.start;
    const end = d.end !== undefined ? d.end : p.end;
    const status = d.status ?? p.status;
    if (status !== p.status && !d.statusReason) {
      throw new ReviewError(`event "${p.title}": the status was changed from ${p.status} to ${status}; say why (statusReason)`);
    }
    const id = makeId('event', caseId, sourceId, p.citations[0]!.start);
    events.push({
      id,
      caseId,
      title: d.title ?? p.title,
      description: p.description,
      kind: d.kind ?? p.kind,
      start,
      precision: precisionOf(start)!,
      approximate: d.approximate ?? p.approximate,
      end,
      endPrecision: end ? precisionOf(end) : null,
      endApproximate: end ? p.endApproximate : false,
      timeZone: p.timeZone,
      status,
      statusReason: status !== p.status ? d.statusReason! : null,
      citationIds,
    });
    for (const part of p.participants) {
      const entityId = entityIdByKey.get(part.entityKey);
      if (!entityId) continue; // the reviewer rejected that entity: its participation goes with it
      const pid = makeId('participation', id, entityId, part.role);
      if (!participations.some((x) => x.id === pid)) participations.push({ id: pid, eventId: id, entityId, role: part.role, citationIds: [citationIds[0]!] });
    }
  }
  // Relationships: kept only when accepted and both ends are kept (created, linked or merged); a
  // merge that makes both ends one entity drops it (an entity is not related to itself). The id is
  // the (case, type, from, to) triple, so the same relationship read in two articles is one edge.
  const relations: Relation[] = [];
  let rejectedRelations = 0;
  for (const p of doc.relations) {
    const d = relationDecisions.get(p.key);
    const fromId = entityIdByKey.get(p.fromKey);
    const toId = entityIdByKey.get(p.toKey);
    if (!d || d.decision === 'reject' || !fromId || !toId || fromId === toId) {
      rejectedRelations++;
      continue;
    }
    const id = makeId('relation', caseId, p.type, fromId, toId);
    const citationId = cite(p.citation);
    const prev = relations.find((r) => r.id === id);
    if (prev) {
      if (!prev.citationIds.includes(citationId)) prev.citationIds.push(citationId);
      continue;
    }
    relations.push({ id, type: p.type, fromId, toId, validFrom: null, validTo: null, citationIds: [citationId] });
  }
  if (events.length === 0 && entities.size === 0) throw new ReviewError('nothing was accepted: accept at least one event or entity to commit');

  const bundle = CaseBundle.safeParse({
    format: BUNDLE_FORMAT,
    version: 1,
    case: ctx.case,
    sources: [source],
    citations: [...citations.values()],
    entities: [...entities.values()],
    events,
    participations,
    relations,
  });
  if (!bundle.success) {
    throw new ReviewError('the reviewed proposals do not make a valid case bundle', bundle.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const problems = checkBundleIntegrity(bundle.data);
  if (problems.length) throw new ReviewError(`the reviewed proposals break ${problems.length} invariant(s)`, problems);
  const linkedEntityIds = [...entities.keys()].filter((id) => known.has(id));
  return {
    bundle: bundle.data,
    linkedEntityIds,
    newAliases,
    counts: {
      events: events.length,
      newEntities: entities.size - linkedEntityIds.length,
      linkedEntities: linkedEntityIds.length,
      citations: citations.size,
      relations: relations.length,
      rejectedEvents,
      rejectedEntities,
      rejectedRelations,
    },
  };
}
