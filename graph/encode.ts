import neo4j from 'neo4j-driver';
import type { CaseBundle } from '../lib/model/bundle';
import type { Asserter, Citation } from '../lib/model/citation';
import type { Entity } from '../lib/model/entity';
import type { Event } from '../lib/model/event';
import { intervalOf, spanOf } from '../lib/model/partial-date';
import type { Relation } from '../lib/model/relation';
import type { Source } from '../lib/model/source';

/**
 * Domain records → Neo4j property maps. Neo4j properties are scalars or lists of scalars, so
 * nested values are flattened (aliases into parallel lists, asserters into prefixed fields) and
 * decode.ts reverses exactly this. Derived instants (startAt, endAt) are what the range indexes use.
 */

export function encodeSource(s: Source) {
  return {
    id: s.id,
    caseId: s.caseId,
    title: s.title,
    publisher: s.publisher,
    publisherEntityId: s.publisherEntityId,
    author: s.author,
    url: s.url,
    language: s.language,
    published: s.published,
    retrieved: s.retrieved,
    text: s.text,
    contentHash: s.contentHash,
    reliabilityNote: s.reliabilityNote,
    furnitureJson: JSON.stringify(s.furniture),
  };
}

export function encodeCitation(c: Citation) {
  const { assertedBy, via, ...rest } = c;
  return {
    ...rest,
    // Offsets are integers in the database too (a JS number would be stored as a float).
    start: neo4j.int(c.start),
    end: neo4j.int(c.end),
    assertedByKind: assertedBy.kind,
    assertedByName: assertedBy.name,
    assertedByEntityId: assertedBy.entityId,
    viaKinds: via.map((a: Asserter) => a.kind),
    viaNames: via.map((a) => a.name),
    // Lists cannot hold nulls in Neo4j: '' stands for "not resolved to an entity".
    viaEntityIds: via.map((a) => a.entityId ?? ''),
  };
}

export function encodeEntity(e: Entity) {
  return {
    id: e.id,
    citationIds: e.citationIds,
    props: {
      id: e.id,
      caseId: e.caseId,
      type: e.type,
      name: e.name,
      aliases: e.aliases.map((a) => a.name),
      aliasLangs: e.aliases.map((a) => a.lang ?? ''),
      // One string for the full-text index, which reads a name and its aliases in every script.
      aliasText: e.aliases.map((a) => a.name).join(' | '),
      description: e.description,
    },
  };
}

export function encodeEvent(e: Event) {
  const span = spanOf(e.start, e.end, e.timeZone);
  const { citationIds, ...props } = e;
  return { id: e.id, citationIds, props, startAt: span.earliest, endAt: span.until };
}

export function encodeRelation(r: Relation) {
  return {
    ...r,
    validFromAt: r.validFrom ? intervalOf(r.validFrom).earliest : null,
    validToAt: r.validTo ? intervalOf(r.validTo).until : null,
  };
}

export function encodeBundle(b: CaseBundle) {
  return {
    caseId: b.case.id,
    case: b.case,
    sources: b.sources.map(encodeSource),
    citations: b.citations.map(encodeCitation),
    entities: b.entities.map(encodeEntity),
    events: b.events.map(encodeEvent),
    participations: b.participations,
    relations: b.relations.map(encodeRelation),
  };
}
