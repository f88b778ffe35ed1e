import type { WindowNetwork } from '../api/large-case';
import type { TimelineWindow } from '../api/timeline';
import type { CaseGraph, CaseSummary, CaseView, EventDetail, EventListItem } from '../api/views';

/**
 * The large case page's view: never the whole case, only what the browser has loaded (the
 * timeline's current window, the network of that window, the selected event). Built in the shape
 * of the small case's CaseView so the same selection, lanes, network model and details panel
 * work on it. Pure.
 */

const NO_GRAPH: CaseGraph = { nodes: [], edges: [], participations: [] };

/**
 * - events: the window's events when the timeline lists them one by one (none when it shows counts),
 *   and the selected event if it lies elsewhere, so selecting it still links to its participants;
 * - graph: the window's network (none until it has loaded).
 */
export function windowCaseView(
  summary: CaseSummary,
  answer: TimelineWindow | null,
  network: WindowNetwork | null,
  selectedEvent: EventListItem | null,
): CaseView {
  const listed = answer?.mode === 'events' ? answer.events : [];
  const events = selectedEvent && !listed.some((e) => e.id === selectedEvent.id) ? [...listed, selectedEvent] : listed;
  return { case: summary, events, graph: network?.graph ?? NO_GRAPH, sources: [] };
}

/** An event's details (GET /api/events/{id}) in the timeline's shape, for an event outside the loaded window. */
export function eventListItemOf(detail: EventDetail): EventListItem {
  return {
    id: detail.id,
    title: detail.title,
    kind: detail.kind,
    start: detail.start,
    end: detail.end,
    precision: detail.precision,
    endPrecision: detail.endPrecision,
    approximate: detail.approximate,
    endApproximate: detail.endApproximate,
    timeZone: detail.timeZone,
    status: detail.status,
    citationCount: detail.citations.length,
    participantIds: [...new Set(detail.participants.map((p) => p.entity.id))].sort(),
    sourceIds: [...new Set(detail.citations.map((c) => c.source.id))].sort(),
  };
}

const NUMBER = new Intl.NumberFormat('en');

/** "Showing 300 of 1,204 entities …": what the bounded window network draws, in words. */
export function windowNetworkNote(network: WindowNetwork): string {
  const shown = network.graph.nodes.length;
  const total = network.entityTotal;
  if (total === 0) return 'No entity takes part in the events of this window.';
  const who =
    shown < total
      ? `Showing ${NUMBER.format(shown)} of ${NUMBER.format(total)} entities taking part in this window's events (those in the most events first)`
      : `Showing all ${NUMBER.format(total)} ${total === 1 ? 'entity' : 'entities'} taking part in this window's events`;
  const pairs =
    network.shared.length < network.sharedTotal
      ? `; shared-event links: the ${NUMBER.format(network.shared.length)} strongest of ${NUMBER.format(network.sharedTotal)}`
      : '';
  return `${who}${pairs}.`;
}
