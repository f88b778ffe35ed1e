/**
 * Level of detail for large networks, the pure half (the canvas applies it in
 * app/_components/network/large-graph.ts). Above LARGE_GRAPH_ELEMENTS elements a force layout on
 * the main thread would freeze the page for seconds and the canvas renderer drops to a few frames
 * per second, so large graphs get: a precomputed deterministic layout (below), cytoscape's WebGL
 * renderer, and labels only when zoomed in far enough to read them.
 */

export const LARGE_GRAPH_ELEMENTS = 2000;

export function isLargeGraph(elementCount: number): boolean {
  return elementCount > LARGE_GRAPH_ELEMENTS;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * A "sunflower" layout: nodes on a golden-angle spiral, the most connected at the centre, so hubs
 * sit together and the long tail fans out around them. O(n log n), deterministic (ties by id), no
 * overlaps at `spacing` apart. Not a substitute for a force layout on a small graph, but it shows
 * 20 000 elements at once without blocking the page.
 */
export function sunflowerPositions(
  nodeIds: readonly string[],
  edges: ReadonlyArray<{ source: string; target: string }>,
  spacing = 40,
): Map<string, { x: number; y: number }> {
  const degree = new Map<string, number>(nodeIds.map((id) => [id, 0]));
  for (const e of edges) {
    if (degree.has(e.source)) degree.set(e.source, degree.get(e.source)! + 1);
    if (degree.has(e.target)) degree.set(e.target, degree.get(e.target)! + 1);
  }
  const ordered = [...nodeIds].sort((a, b) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const out = new Map<string, { x: number; y: number }>();
  ordered.forEach((id, i) => {
    const r = spacing * Math.sqrt(i + 0.5);
    const theta = i * GOLDEN_ANGLE;
    out.set(id, { x: Math.round(r * Math.cos(theta) * 100) / 100, y: Math.round(r * Math.sin(theta) * 100) / 100 });
  });
  return out;
}

/** Cytoscape core options for a graph of this size: the WebGL renderer when large, else nothing. */
export function renderingOptions(elementCount: number): Record<string, unknown> {
  if (!isLargeGraph(elementCount)) return {};
  return {
    // cytoscape ≥ 3.31: draws nodes and edges from texture atlases in WebGL batches.
    webgl: true,
    webglTexSize: 4096,
    webglTexRows: 24,
    webglBatchSize: 4096,
    webglTexPerBatch: 16,
    // Device pixels beyond 1 multiply the fill cost for no legibility gain at this scale.
    pixelRatio: 1,
  };
}

/**
 * Extra stylesheet entries for a graph of this size: labels hidden until their on-screen size
 * reaches a legible font (cytoscape skips drawing them, which is most of the cost), and labels
 * never catching pointer events. Nothing for small graphs.
 */
export function levelOfDetailStyles(elementCount: number): Array<{ selector: string; style: Record<string, string | number> }> {
  if (!isLargeGraph(elementCount)) return [];
  return [
    { selector: 'node', style: { 'min-zoomed-font-size': 12, 'text-events': 'no' } },
    { selector: 'edge', style: { 'min-zoomed-font-size': 16, 'text-events': 'no' } },
  ];
}
