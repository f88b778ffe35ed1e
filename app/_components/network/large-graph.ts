import type cytoscape from 'cytoscape';
import { isLargeGraph, probeGraphics, sunflowerPositions, type GraphicsSupport } from '@/lib/views/large-graph';

export { isLargeGraph, levelOfDetailStyles, renderingOptions, trackLevelOfDetail } from '@/lib/views/large-graph';

/**
 * Puts `nodes` (default: all) on the sunflower spiral of the whole graph (lib/views/large-graph.ts),
 * in one batch: the large-graph layout, and the placeholder while a worker lays out (worker-layout.ts).
 */
export function placeOnSpiral(cy: cytoscape.Core, nodes: cytoscape.NodeCollection = cy.nodes()): void {
  const positions = sunflowerPositions(
    cy.nodes().map((n) => n.id()),
    cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string })),
  );
  cy.batch(() => {
    nodes.forEach((n) => {
      const p = positions.get(n.id());
      if (p) n.position(p);
    });
  });
}

/**
 * The layout of a large graph (lib/views/large-graph.ts): precomputed positions applied with the
 * preset layout, instead of a force layout that would block the main thread for seconds. Nodes
 * already drawn keep their place; new ones join the spiral. Returns false for a small graph, which
 * keeps its usual layout.
 */
export function layoutLargeGraph(cy: cytoscape.Core, kept: ReadonlyMap<string, unknown>): boolean {
  if (!isLargeGraph(cy.elements().length)) return false;
  const added = cy.nodes().filter((n) => !kept.has(n.id()));
  if (added.empty()) return true;
  placeOnSpiral(cy, added);
  if (kept.size === 0) cy.fit(undefined, 24);
  return true;
}

let graphics: GraphicsSupport | undefined;

/** What this browser draws with (probed once: each probe creates and drops a WebGL context). */
export function graphicsSupport(): GraphicsSupport {
  if (typeof document === 'undefined') return { webgl2: false };
  graphics ??= probeGraphics(document);
  return graphics;
}
