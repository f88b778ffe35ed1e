import type { CaseView, EventListItem } from '../api/views';
import type { CaseBundle } from '../model/bundle';
import { compareInstants, intervalOf } from '../model/partial-date';

/**
 * A case bundle → the CaseView the pages render, the same shape and order the read queries give
 * (graph/cases.repo.ts getCaseView, graph/queries/read.queries.ts): events by start instant then
 * id, entities by name then id, relationships and participations by id, sources by title then id.
 * Lets a published snapshot (a stored bundle) render through the very components that render the
 * live case. tests/integration/publications.test.ts checks it against getCaseView on real data.
 */
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function caseViewFromBundle(b: CaseBundle): CaseView {
  const sourceOfCitation = new Map(b.citations.map((c) => [c.id, c.sourceId]));
  const participants = new Map<string, string[]>();
  for (const p of b.participations) participants.set(p.eventId, [...(participants.get(p.eventId) ?? []), p.entityId]);

  const startAt = new Map(b.events.map((e) => [e.id, intervalOf(e.start, e.timeZone).earliest]));
  const events: EventListItem[] = [...b.events]
    .sort((x, y) => compareInstants(startAt.get(x.id)!, startAt.get(y.id)!) || byId(x, y))
    .map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind,
      start: e.start,
      end: e.end,
      precision: e.precision,
      endPrecision: e.endPrecision,
      approximate: e.approximate,
      endApproximate: e.endApproximate,
      timeZone: e.timeZone,
      status: e.status,
      citationCount: new Set(e.citationIds).size,
      participantIds: [...new Set(participants.get(e.id) ?? [])].sort(byKey),
      sourceIds: [...new Set(e.citationIds.flatMap((c) => sourceOfCitation.get(c) ?? []))].sort(byKey),
    }));

  const nodes = [...b.entities]
    .sort((x, y) => byKey(x.name, y.name) || byId(x, y))
    .map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases.map((a) => ({ name: a.name, lang: a.lang ? a.lang : null })) }));
  const edges = [...b.relations].sort(byId).map((r) => ({
    id: r.id,
    type: r.type,
    source: r.fromId,
    target: r.toId,
    validFrom: r.validFrom,
    validTo: r.validTo,
    citationCount: r.citationIds.length,
  }));
  const participations = [...b.participations].sort(byId).map((p) => ({ id: p.id, eventId: p.eventId, entityId: p.entityId, role: p.role }));
  const sources = [...b.sources]
    .sort((x, y) => byKey(x.title, y.title) || byId(x, y))
    .map(({ text: _text, furniture: _furniture, ...summary }) => summary);

  return {
    case: { ...b.case, eventCount: b.events.length, entityCount: b.entities.length, sourceCount: b.sources.length },
    events,
    graph: { nodes, edges, participations },
    sources,
  };
}
