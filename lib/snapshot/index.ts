import type { CaseView } from '../api/views';
import { applyFilters, type Filters } from '../filters';
import { formatPartialDate } from '../model/partial-date';
import { RELATION_LABELS } from '../model/vocab';
import type { TimeWindow } from '../url-state';
import { edgesValidIn } from '../views/graph-window';
import { document, type FrameText } from './frame';
import { drawGraph, graphLegend } from './graph-svg';
import { drawTimeline, timelineLegend } from './timeline-svg';

/**
 * Static snapshots of a case view (issue 6: "PNG and SVG of the current view, for places that allow
 * no iframes"). A pure function of its input: the same view, options and texts always give the
 * same SVG, byte for byte. The PNG is this SVG rasterised (app/api/_lib/rasterize.ts).
 */
export interface SnapshotInput {
  view: 'timeline' | 'graph';
  caseView: CaseView;
  filters: Filters;
  window: TimeWindow | null;
  width: number;
  /** Absolute URL of the case page, for the credits. */
  caseUrl: string;
  /** "Live version 0123…" or "Published version of 26 Nov 2026, 03:42 UTC". */
  versionNote: string;
}

const MAX_DESC_ITEMS = 200;
const windowLabel = (w: TimeWindow) => `${formatPartialDate(w.start.slice(0, 10))} – ${formatPartialDate(w.end.slice(0, 10))}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function renderSnapshotSvg(input: SnapshotInput): string {
  const filtered = applyFilters(input.caseView, input.filters).view;
  const c = input.caseView.case;
  const base = { title: c.title, sources: input.caseView.sources, caseUrl: input.caseUrl };
  const windowText = input.window ? ` · ${windowLabel(input.window)}` : '';

  if (input.view === 'timeline') {
    const t = drawTimeline(filtered.events, input.window, input.width);
    const items = t.drawn;
    const desc = [...items]
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
      .slice(0, MAX_DESC_ITEMS)
      .map((i) => `${i.label.date} — ${i.label.title} (${i.label.statusLabel})`);
    const more = items.length > MAX_DESC_ITEMS ? `; and ${items.length - MAX_DESC_ITEMS} more` : '';
    const frame: FrameText = {
      ...base,
      subtitle: `Timeline · ${plural(items.length, 'event')}${t.notDrawn ? ` (${t.notDrawn} more not drawn: narrow the window)` : ''}${windowText} · ${input.versionNote}`,
      a11yTitle: `${c.title} — timeline`,
      a11yDesc: `Timeline of ${plural(items.length, 'event')} in date order${windowText}: ${desc.join('; ')}${more}.${t.notDrawn ? ` ${t.notDrawn} more events are not drawn.` : ''}`,
    };
    return document(frame, input.width, t, timelineLegend());
  }

  const graph = edgesValidIn(filtered.graph, input.window).graph;
  const g = drawGraph(graph, input.width);
  const names = new Map(g.nodes.map((n) => [n.id, n.name]));
  const rels = g.edges.slice(0, MAX_DESC_ITEMS).map((e) => `${names.get(e.source)} ${RELATION_LABELS[e.type]} ${names.get(e.target)}`);
  const frame: FrameText = {
    ...base,
    subtitle: `Network · ${plural(g.nodes.length, 'entity', 'entities')}, ${plural(g.edges.length, 'relationship')}${g.notDrawn ? ` (${g.notDrawn} less connected entities not drawn)` : ''}${windowText} · ${input.versionNote}`,
    a11yTitle: `${c.title} — network`,
    a11yDesc: `Network of ${plural(g.nodes.length, 'entity', 'entities')} (${g.nodes.map((n) => n.name).slice(0, MAX_DESC_ITEMS).join(', ')}) and ${plural(g.edges.length, 'relationship')}${rels.length ? `: ${rels.join('; ')}` : ''}.`,
  };
  return document(frame, input.width, g, graphLegend(new Set(g.nodes.map((n) => n.type))));
}
