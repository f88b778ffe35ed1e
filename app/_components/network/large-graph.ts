import type cytoscape from 'cytoscape';
import { isLargeGraph, probeGraphics, sunflowerPositions, type GraphicsSupport } from '@/lib/views/large-graph';

export { isLargeGraph, levelOfDetailStyles, renderingOptions, trackLabelLevelOfDetail } from '@/lib/views/large-graph';

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
  const positions = sunflowerPositions(
    cy.nodes().map((n) => n.id()),
    cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string })),
  );
  cy.batch(() => {
    added.forEach((n) => {
      const p = positions.get(n.id());
      if (p) n.position(p);
    });
  });
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
