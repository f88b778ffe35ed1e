import type { CaseBundle } from '../model/bundle';
import { projectGraph } from './graph-projection';

/**
 * Cytoscape JSON ("cyjs"): the format Cytoscape desktop exports and imports, and that
 * cytoscape.js takes as `elements`. Each element's attributes are in `data`, with `id`, and
 * `source`/`target` for edges; nodes carry `nodeKind` (entity or event), edges `edgeKind`.
 */
export function toCytoscapeJson(bundle: CaseBundle) {
  const g = projectGraph(bundle);
  return {
    format_version: '1.0',
    generated_by: 'Timeweave',
    target_cytoscapejs_version: '~3.34',
    data: { name: g.title, shared_name: g.title, caseId: g.id, selected: true },
    elements: {
      nodes: g.nodes.map((n) => ({ data: { id: n.id, name: n.attrs.label, ...n.attrs } })),
      edges: g.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, interaction: e.attrs.relationType ?? e.attrs.role, ...e.attrs } })),
    },
  };
}

export function cytoscapeJsonText(bundle: CaseBundle): string {
  return `${JSON.stringify(toCytoscapeJson(bundle), null, 2)}\n`;
}
