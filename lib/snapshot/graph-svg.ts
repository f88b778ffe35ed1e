import type { CaseGraph, GraphNode } from '../api/views';
import { ENTITY_TYPES, RELATION_LABELS, type EntityType } from '../model/vocab';
import { ENTITY_TYPE_DISPLAY } from '../views/display';
import { MARGIN, type LegendItem } from './frame';
import { layoutGraph } from './graph-layout';
import { INK, MUTED } from './style';
import { esc, num, textWidth, truncate } from './text';

/**
 * The network as SVG: entities placed by graph-layout.ts, each drawn with its type's shape and
 * colour (lib/views/display.ts, as in the case page's network) and its name, relationships as
 * arrows with their type in words. The drawing is scaled to the width asked for.
 */
export const MAX_NODES = 150;
const LABEL_SIZE = 11;
const EDGE_LABEL_SIZE = 9.5;
const NODE = 13; // half the size of a node's shape
const MAX_LABEL = 230;

export interface GraphDrawing {
  svg: string;
  height: number;
  nodes: GraphNode[];
  edges: CaseGraph['edges'];
  notDrawn: number;
}

/** A node's shape, centred on (0, 0), for `type`. */
export function nodeShape(type: EntityType, r = NODE): string {
  const { colour } = ENTITY_TYPE_DISPLAY[type];
  const paint = `fill="${colour}" stroke="#ffffff" stroke-width="1.5"`;
  const pts = (xs: Array<[number, number]>) => xs.map(([a, b]) => `${num(a * r)},${num(b * r)}`).join(' ');
  switch (ENTITY_TYPE_DISPLAY[type].shape) {
    case 'ellipse':
      return `<circle r="${num(r)}" ${paint}/>`;
    case 'round-rectangle':
      return `<rect x="${num(-r * 1.25)}" y="${num(-r * 0.85)}" width="${num(r * 2.5)}" height="${num(r * 1.7)}" rx="${num(r * 0.35)}" ${paint}/>`;
    case 'round-diamond':
      return `<polygon points="${pts([[0, -1.15], [1.15, 0], [0, 1.15], [-1.15, 0]])}" stroke-linejoin="round" ${paint}/>`;
    case 'cut-rectangle':
      return `<polygon points="${pts([[-0.7, -1], [0.7, -1], [1.2, -0.5], [1.2, 0.5], [0.7, 1], [-0.7, 1], [-1.2, 0.5], [-1.2, -0.5]])}" ${paint}/>`;
    case 'round-hexagon':
      return `<polygon points="${pts([[-0.6, -1], [0.6, -1], [1.15, 0], [0.6, 1], [-0.6, 1], [-1.15, 0]])}" stroke-linejoin="round" ${paint}/>`;
    case 'round-tag':
      return `<polygon points="${pts([[-1.2, -0.85], [0.6, -0.85], [1.25, 0], [0.6, 0.85], [-1.2, 0.85]])}" stroke-linejoin="round" ${paint}/>`;
  }
}

/** Text with a white halo, legible over lines. */
const haloText = (x: number, y: number, size: number, fill: string, text: string, anchor = 'middle', weight = 'normal') =>
  `<text x="${num(x)}" y="${num(y)}" font-size="${size}" text-anchor="${anchor}" font-weight="${weight}" fill="none" stroke="#ffffff" stroke-width="3" stroke-linejoin="round">${esc(text)}</text>` +
  `<text x="${num(x)}" y="${num(y)}" font-size="${size}" text-anchor="${anchor}" font-weight="${weight}" fill="${fill}">${esc(text)}</text>`;

/** Keeps the most connected entities when there are too many to draw legibly. */
function keepDrawable(graph: CaseGraph): { nodes: GraphNode[]; notDrawn: number } {
  if (graph.nodes.length <= MAX_NODES) return { nodes: [...graph.nodes], notDrawn: 0 };
  const degree = new Map<string, number>();
  for (const e of graph.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const kept = [...graph.nodes]
    .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_NODES);
  return { nodes: kept, notDrawn: graph.nodes.length - kept.length };
}

export function drawGraph(graph: CaseGraph, width: number): GraphDrawing {
  const { nodes, notDrawn } = keepDrawable(graph);
  const ids = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
  if (!nodes.length) {
    return { svg: `<text x="${MARGIN}" y="24" font-size="12" fill="${MUTED}">No entities with these filters.</text>`, height: 40, nodes, edges, notDrawn };
  }
  const labels = new Map(nodes.map((n) => [n.id, truncate(n.name, LABEL_SIZE, MAX_LABEL)]));
  const box = (n: GraphNode) => ({ width: Math.max(2 * NODE + 10, textWidth(labels.get(n.id)!, LABEL_SIZE) + 14), height: 2 * NODE + 26 });
  const pos = layoutGraph(
    nodes.map((n) => ({ id: n.id, ...box(n) })),
    edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  );

  // Bounding box of every node with its label. The whole drawing (shapes and text with the
  // positions) is scaled to fit the width, so what fcose kept apart stays apart; never enlarged.
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const b = box(n);
    minX = Math.min(minX, p.x - b.width / 2);
    maxX = Math.max(maxX, p.x + b.width / 2);
    minY = Math.min(minY, p.y - NODE - 4);
    maxY = Math.max(maxY, p.y + NODE + 20);
  }
  const plotW = width - 2 * MARGIN;
  const scale = Math.min(1, plotW / Math.max(1, maxX - minX));
  const offsetX = MARGIN + (plotW - (maxX - minX) * scale) / 2;
  const at = (id: string) => {
    const p = pos.get(id)!;
    return { x: p.x - minX, y: p.y - minY + 4 };
  };
  const height = (maxY - minY + 8) * scale + 16;

  const out: string[] = [];
  for (const e of edges) {
    const a = at(e.source);
    const b = at(e.target);
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    const gap = NODE + 4;
    out.push(
      `<g class="tw-edge" data-type="${esc(e.type)}"><title>${esc(`${nameOf(nodes, e.source)} ${RELATION_LABELS[e.type]} ${nameOf(nodes, e.target)}`)}</title>` +
        `<line x1="${num(a.x + ux * gap)}" y1="${num(a.y + uy * gap)}" x2="${num(b.x - ux * gap)}" y2="${num(b.y - uy * gap)}" stroke="#6b7280" stroke-width="1.4" marker-end="url(#tw-arrow)"/></g>`,
    );
  }
  // Edge labels above every line, node labels above everything. An edge label that would cover a
  // node's label or another edge's label is left out (a star of five "contributes troops to" would
  // be a smudge); its type stays in the edge's <title> and in <desc>.
  const taken: Array<[number, number, number, number]> = nodes.map((n) => {
    const p = at(n.id);
    const w = textWidth(labels.get(n.id)!, LABEL_SIZE, true);
    return [p.x - w / 2, p.y - NODE, p.x + w / 2, p.y + NODE + 18];
  });
  const free = (r: [number, number, number, number]) => taken.every((t) => r[2] <= t[0] || r[0] >= t[2] || r[3] <= t[1] || r[1] >= t[3]);
  for (const e of edges) {
    const a = at(e.source);
    const b = at(e.target);
    const label = RELATION_LABELS[e.type];
    const w = textWidth(label, EDGE_LABEL_SIZE);
    const cx = (a.x + b.x) / 2;
    const cy = (a.y + b.y) / 2;
    const rect: [number, number, number, number] = [cx - w / 2 - 2, cy - 8, cx + w / 2 + 2, cy + 6];
    if (!free(rect)) continue;
    taken.push(rect);
    out.push(haloText(cx, cy + 3, EDGE_LABEL_SIZE, MUTED, label));
  }
  for (const n of nodes) {
    const p = at(n.id);
    out.push(
      `<g class="tw-node tw-type-${n.type}" data-id="${esc(n.id)}"><title>${esc(`${n.name} (${ENTITY_TYPE_DISPLAY[n.type].label})`)}</title>` +
        `<g transform="translate(${num(p.x)},${num(p.y)})">${nodeShape(n.type)}</g>` +
        haloText(p.x, p.y + NODE + 14, LABEL_SIZE, INK, labels.get(n.id)!, 'middle', 'bold') +
        `</g>`,
    );
  }
  return { svg: `<g class="tw-network" transform="translate(${num(offsetX)},8) scale(${num(Math.round(scale * 1000) / 1000)})">${out.join('\n')}</g>`, height, nodes, edges, notDrawn };
}

const nameOf = (nodes: readonly GraphNode[], id: string) => nodes.find((n) => n.id === id)?.name ?? id;

/** Key: the entity types drawn, and what an arrow is. */
export function graphLegend(types: ReadonlySet<EntityType>): LegendItem[] {
  const items: LegendItem[] = ENTITY_TYPES.filter((t) => types.has(t)).map((t) => ({
    swatch: `<g transform="translate(15,7)">${nodeShape(t, 6.5)}</g>`,
    label: ENTITY_TYPE_DISPLAY[t].label,
  }));
  items.push({
    swatch: `<line x1="2" y1="7" x2="27" y2="7" stroke="#6b7280" stroke-width="1.4" marker-end="url(#tw-arrow)"/>`,
    label: 'Relationship (type on the line where it fits; every one cited)',
  });
  return items;
}
