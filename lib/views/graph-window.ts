import type { CaseGraph } from '../api/views';
import { compareInstants, intervalOf } from '../model/partial-date';
import type { TimeWindow } from '../url-state';

/**
 * "The graph as of the window": relationships with a validity interval are shown only while it
 * overlaps the timeline's visible window. Relationships without validity dates are timeless in the
 * sources and always shown. Overlap is generous, like the read API's: a relationship valid "from
 * January 2022" is in any window that touches January. Pure.
 *
 * Window bounds are floating wall-clock (like the timeline); validity dates are compared in the
 * same floating terms, so no time zone shifts them.
 */
export function edgesValidIn(graph: CaseGraph, window: TimeWindow | null): { graph: CaseGraph; outside: number } {
  if (!window) return { graph, outside: 0 };
  const from = `${window.start}:00.000Z`;
  const to = `${window.end}:00.000Z`;
  const edges = graph.edges.filter((e) => {
    const validFrom = e.validFrom ? intervalOf(e.validFrom).earliest : null;
    const validUntil = e.validTo ? intervalOf(e.validTo).until : null;
    return (validFrom === null || compareInstants(validFrom, to) < 0) && (validUntil === null || compareInstants(validUntil, from) > 0);
  });
  return edges.length === graph.edges.length ? { graph, outside: 0 } : { graph: { ...graph, edges }, outside: graph.edges.length - edges.length };
}
