import type cytoscape from 'cytoscape';
import type { CaseGraph } from '../api/views';
import type { EntityType, RelationType } from '../model/vocab';
import { RELATION_LABELS } from '../model/vocab';
import type { Linked } from '../selection';
import { ENTITY_TYPE_DISPLAY } from './display';

/**
 * CaseGraph → cytoscape element definitions and stylesheet. Pure, tested headless.
 *
 * Only entity-to-entity relationships become edges. Participations (entity took part in event)
 * are deliberately not drawn in this version: drawing co-participation as an edge would invent a
 * relationship no source states. The bipartite / co-participation view is a later issue.
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

export interface NetworkNode extends cytoscape.NodeDefinition {
  group: 'nodes';
  data: NodeData;
  classes: string;
}

export interface NetworkEdge extends cytoscape.EdgeDefinition {
  group: 'edges';
  data: EdgeData;
  classes: string;
}

export type NetworkElement = NetworkNode | NetworkEdge;

export function graphElements(graph: CaseGraph): NetworkElement[] {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const nodes: NetworkNode[] = graph.nodes.map((n) => ({
    group: 'nodes',
    data: { id: n.id, label: n.name, type: n.type, typeLabel: ENTITY_TYPE_DISPLAY[n.type].label },
    classes: `type-${n.type}`,
  }));
  // An edge to an entity outside the graph would make cytoscape throw; such an edge is a data
  // error upstream, and the network shows what it can rather than nothing.
  const edges: NetworkEdge[] = graph.edges
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
