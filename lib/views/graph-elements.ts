import type cytoscape from 'cytoscape';
import type { CaseGraph } from '../api/views';
import type { EntityType, EventStatus, RelationType } from '../model/vocab';
import { RELATION_LABELS } from '../model/vocab';
import type { Linked } from '../selection';
import { ENTITY_TYPE_DISPLAY } from './display';

/**
 * CaseGraph → cytoscape element definitions and stylesheet. Pure, tested headless.
 *
 * Here: entity nodes and the relationships the sources state, and the one stylesheet. Events as
 * nodes (bipartite) and shared-event links (co-participation) are added by network-views.ts; they
 * are styled here so that a shared event never looks like a stated relationship.
 */

export interface NodeData {
  id: string;
  label: string;
  type: EntityType;
  typeLabel: string;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  label: string;
}

/** An event drawn as a node (bipartite view, lib/views/network-views.ts). */
export interface EventNodeData {
  id: string;
  label: string;
  kind: 'event';
  status: EventStatus;
  statusLabel: string;
}

/** Two entities that took part in the same events (co-participation view). */
export interface CoParticipationData {
  id: string;
  source: string;
  target: string;
  /** How many shared events. */
  weight: number;
  /** The drawn width: grows with the weight, capped. */
  width: number;
  eventIds: string[];
  label: string;
}

/** An entity took part in an event (bipartite view): entity → event. */
export interface ParticipationData {
  id: string;
  source: string;
  target: string;
  role: string;
}

export interface NetworkNode extends cytoscape.NodeDefinition {
  group: 'nodes';
  data: NodeData | EventNodeData;
  classes: string;
}

export interface NetworkEdge extends cytoscape.EdgeDefinition {
  group: 'edges';
  data: EdgeData | CoParticipationData | ParticipationData;
  classes: string;
}

export type NetworkElement = NetworkNode | NetworkEdge;

export interface EntityNode extends NetworkNode {
  data: NodeData;
}
export interface RelationEdge extends NetworkEdge {
  data: EdgeData;
}

export function graphElements(graph: CaseGraph): Array<EntityNode | RelationEdge> {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const nodes: EntityNode[] = graph.nodes.map((n) => ({
    group: 'nodes',
    data: { id: n.id, label: n.name, type: n.type, typeLabel: ENTITY_TYPE_DISPLAY[n.type].label },
    classes: `type-${n.type}`,
  }));
  // An edge to an entity outside the graph would make cytoscape throw; such an edge is a data
  // error upstream, and the network shows what it can rather than nothing.
  const edges: RelationEdge[] = graph.edges
    .filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target))
    .map((e) => ({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, type: e.type, label: RELATION_LABELS[e.type] },
      classes: `rel-${e.type.toLowerCase()}`,
    }));
  return [...nodes, ...edges];
}

export type HighlightClass = 'highlighted' | 'dimmed' | null;

/** The highlight class of one element for the current focus: null when nothing is in focus. */
export function highlightOf(
  group: 'nodes' | 'edges',
  id: string,
  linked: Pick<Linked, 'focus' | 'entityIds' | 'edgeIds'>,
): HighlightClass {
  if (!linked.focus) return null;
  const set = group === 'nodes' ? linked.entityIds : linked.edgeIds;
  return set.has(id) ? 'highlighted' : 'dimmed';
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Node shape and colour come from ENTITY_TYPE_DISPLAY, the table the entity key also reads. */
export function graphStylesheet(): cytoscape.StylesheetJson {
  const typeRules: cytoscape.StylesheetJson = Object.entries(ENTITY_TYPE_DISPLAY).map(([type, d]) => ({
    selector: `node.type-${type}`,
    style: { shape: d.shape, 'background-color': d.colour },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 28,
        height: 28,
        'border-width': 2,
        'border-color': '#ffffff',
        color: '#111827',
        'font-family': FONT,
        'font-size': 13,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 5,
      },
    },
    ...typeRules,
    {
      selector: 'edge',
      style: {
        label: 'data(label)',
        width: 1.5,
        'line-color': '#6b7280',
        'target-arrow-color': '#6b7280',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        color: '#374151',
        'font-family': FONT,
        'font-size': 11,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        // Below ~8 px on screen a label is noise: it appears on zoom, and always when highlighted.
        'min-zoomed-font-size': 8,
      },
    },
    {
      selector: 'node.highlighted',
      style: { 'border-color': '#111827', 'border-width': 3, 'font-weight': 'bold', 'font-size': 15, 'z-index': 10 },
    },
    {
      selector: 'edge.highlighted',
      style: {
        width: 3,
        'line-color': '#111827',
        'target-arrow-color': '#111827',
        color: '#111827',
        'font-size': 14,
        'font-weight': 'bold',
        'z-index': 10,
      },
    },
    ...eventAndParticipationRules(),
    { selector: '.dimmed', style: { opacity: 0.22 } },
    {
      // The selected entity: a double border and a halo, so it reads without colour.
      selector: 'node.selected',
      style: {
        'border-color': '#111827',
        'border-width': 5,
        'border-style': 'double',
        'overlay-color': '#111827',
        'overlay-opacity': 0.1,
        'overlay-padding': 6,
      },
    },
    {
      selector: 'node:active',
      style: { 'overlay-opacity': 0.08 },
    },
  ];
}

/** Order for the entity list view: by type (in vocabulary order), then name. */
export function sortNodesForList<T extends { type: EntityType; name: string }>(nodes: readonly T[]): T[] {
  const order = Object.keys(ENTITY_TYPE_DISPLAY);
  return [...nodes].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.name.localeCompare(b.name, 'en'));
}

/**
 * The status encoding of lib/views/display.ts and app/_components/status.css, in cytoscape terms
 * (same colours, same border patterns; hatching as an SVG image), for events drawn as nodes.
 */
const STATUS_NODE_STYLE: Record<EventStatus, { colour: string; fill: string; border: 'solid' | 'dashed' | 'double' | 'dotted'; width: number; hatch: string | null }> = {
  confirmed: { colour: '#166534', fill: '#166534', border: 'solid', width: 2, hatch: null },
  reported: { colour: '#1d4ed8', fill: '#ffffff', border: 'solid', width: 2, hatch: null },
  alleged: { colour: '#8a4b00', fill: '#ffffff', border: 'dashed', width: 2, hatch: 'rgba(138,75,0,0.35)' },
  disputed: { colour: '#a21caf', fill: '#fdf4ff', border: 'double', width: 5, hatch: null },
  denied: { colour: '#b91c1c', fill: '#f3f4f6', border: 'dotted', width: 3, hatch: 'rgba(185,28,28,0.3)' },
};

function hatchImage(colour: string): string {
  const lines = [-16, -8, 0, 8, 16, 24].map((o) => `<line x1="${o}" y1="24" x2="${o + 24}" y2="0" stroke="${colour}" stroke-width="2"/>`).join('');
  return `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">${lines}</svg>`)}`;
}

function eventAndParticipationRules(): cytoscape.StylesheetJson {
  const statusRules: cytoscape.StylesheetJson = Object.entries(STATUS_NODE_STYLE).map(([status, s]) => ({
    selector: `node.event.status-${status}`,
    style: {
      'background-color': s.fill,
      'border-color': s.colour,
      'border-style': s.border,
      'border-width': s.width,
      ...(s.hatch ? { 'background-image': hatchImage(s.hatch), 'background-fit': 'cover' as const, 'background-clip': 'node' as const } : {}),
    },
  }));
  return [
    {
      // Events: small square-cornered tiles, a shape no entity type uses, labelled with the
      // status in words where it is doubtful.
      selector: 'node.event',
      style: { shape: 'rectangle', width: 18, height: 18, 'font-size': 11, color: '#374151', 'text-max-width': '140px' },
    },
    ...statusRules,
    {
      selector: 'edge.participation',
      style: { label: '', width: 1, 'line-color': '#9ca3af', 'target-arrow-shape': 'none', 'curve-style': 'straight' },
    },
    {
      // Shared events: dashed, no arrow, width by count; they are not relationships.
      selector: 'edge.coparticipation',
      style: {
        label: 'data(label)',
        width: 'data(width)',
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        'line-color': '#9ca3af',
        'target-arrow-shape': 'none',
        'curve-style': 'straight',
        color: '#4b5563',
        'font-style': 'italic',
        'min-zoomed-font-size': 12,
      },
    },
    {
      selector: 'edge.participation.highlighted, edge.coparticipation.highlighted',
      style: { 'line-color': '#111827', color: '#111827' },
    },
  ];
}
