import { CaseView } from '../../../lib/api/views';
import type { CaseBundle } from '../../../lib/model/bundle';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';

/**
 * The curated Kazakhstan case as the case page receives it, built from the case folder without a
 * database (test fixture only; the app reads it through graph/cases.repo.ts). Parsed with the API
 * schema, so a drift between this and the real shape fails loudly.
 */
export function sampleCaseView(): { view: CaseView; bundle: CaseBundle } {
  const bundle = readCaseFolder(SAMPLE_CASE_DIR);
  const participantsOf = (eventId: string) =>
    bundle.participations.filter((p) => p.eventId === eventId).map((p) => p.entityId);
  const view = CaseView.parse({
    case: {
      ...bundle.case,
      eventCount: bundle.events.length,
      entityCount: bundle.entities.length,
      sourceCount: bundle.sources.length,
    },
    events: bundle.events.map((e) => ({
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
      citationCount: e.citationIds.length,
      participantIds: [...new Set(participantsOf(e.id))],
      sourceIds: [...new Set(bundle.citations.filter((c) => e.citationIds.includes(c.id)).map((c) => c.sourceId))].sort(),
    })),
    graph: {
      nodes: bundle.entities.map((n) => ({ id: n.id, type: n.type, name: n.name, aliases: n.aliases })),
      edges: bundle.relations.map((r) => ({
        id: r.id,
        type: r.type,
        source: r.fromId,
        target: r.toId,
        validFrom: r.validFrom,
        validTo: r.validTo,
        citationCount: r.citationIds.length,
      })),
      participations: bundle.participations.map((p) => ({ id: p.id, eventId: p.eventId, entityId: p.entityId, role: p.role })),
    },
    sources: bundle.sources.map(({ text: _text, furniture: _furniture, ...s }) => s),
  });
  return { view, bundle };
}
