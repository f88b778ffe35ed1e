import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { mulberry32 } from '../random';

/**
 * Deterministic positions for the network snapshot: cytoscape headless with fcose, the layout the
 * case page uses. fcose's only randomness is Math.random in its spectral start; the layout runs
 * synchronously (animate: false), so Math.random is swapped for a seeded generator for exactly
 * that call and restored after: the same graph always gets the same picture, and it is the same
 * quality of picture as on the page (a fixed non-random start gave lopsided stars). Nodes are
 * given their label's box, so fcose keeps labels apart.
 */
let registered = false;

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}
export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, { x: number; y: number }> {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const radius = Math.max(100, sorted.length * 25);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)', shape: 'rectangle' } }],
    elements: [
      ...sorted.map((n, i) => {
        const a = (2 * Math.PI * i) / Math.max(1, sorted.length);
        return { group: 'nodes' as const, data: { id: n.id, width: n.width, height: n.height }, position: { x: radius * Math.cos(a), y: radius * Math.sin(a) } };
      }),
      ...edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ],
  });
  try {
    if (sorted.length > 1) {
      withSeededRandom(0x7e57ab1e, () =>
      cy.layout({
        name: 'fcose',
        randomize: true,
        animate: false,
        quality: 'default',
        fit: false,
        nodeDimensionsIncludeLabels: false,
        idealEdgeLength: () => 90,
        nodeRepulsion: () => 6500,
        nodeSeparation: 60,
        gravity: 0.35,
        numIter: 2500,
        tile: true,
      } as cytoscape.LayoutOptions).run(),
      );
    }
    return new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
  } finally {
    // A headless instance keeps a timer alive until destroyed.
    cy.destroy();
  }
}

function withSeededRandom<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
