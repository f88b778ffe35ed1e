/**
 * Level of detail for large networks, the pure half (the canvas applies it in
 * app/_components/network/large-graph.ts). Above LARGE_GRAPH_ELEMENTS elements a force layout on
 * the main thread would freeze the page for seconds and the canvas renderer drops to a few frames
 * per second, so large graphs get: a precomputed deterministic layout (below), cytoscape's WebGL
 * renderer on a GPU (the canvas renderer without one, see renderingOptions), and labels only when
 * zoomed in far enough to read them.
 *
 * The last needs more than a stylesheet under WebGL: cytoscape's WebGL renderer (3.31–3.34) ignores
 * `min-zoomed-font-size` (its label atlas draws every label with the size check forced off) and has
 * no viewport culling, so it rasterises every label of the graph into texture atlases on its first
 * frame (20 000 elements: ~8 700 distinct labels) and draws them all, unreadably small, every frame.
 * Hence labels here are off by default and given, by class, only to the elements on screen whose
 * label would be legible at the current zoom (trackLevelOfDetail), on either renderer.
 *
 * Edges get the same treatment for their shape. Zoomed out, an arrowhead is a pixel or two and a
 * bezier fan of parallel edges a blur, yet the canvas renderer computes and strokes both for every
 * edge on every uncached frame; cytoscape's haystack edges (a straight segment, no arrow) are its
 * cheapest. So edges are drawn haystack unless on screen at a zoom where arrows can be read
 * (LOD_COARSE_EDGE_CLASS, see detailedEdges): 20k elements, first frame 2.3× sooner and a drag
 * right after it 3.3× the default canvas's frame rate where the 2D canvas is drawn through the GPU
 * (SwiftShader in the bench); where the CPU rasterises it, the first frame 1.6× sooner and the
 * frame rate unchanged (bench/results/client.md).
 */

import type cytoscape from 'cytoscape';

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

/**
 * What the browser can draw with: a WebGL2 context (cytoscape's WebGL renderer needs one), and
 * whether a GPU or a software rasteriser stands behind it.
 */
export interface GraphicsSupport {
  webgl2: boolean;
  /** SwiftShader, llvmpipe and the like: WebGL emulated on the CPU (see renderingOptions). */
  softwareRenderer?: boolean;
}

/**
 * Renderer strings of WebGL implementations that rasterise on the CPU: Chromium's SwiftShader,
 * Mesa's llvmpipe and softpipe, Windows' Basic Render Driver. `failIfMajorPerformanceCaveat`
 * would be the standard way to ask, but Chromium hands out SwiftShader contexts with it set.
 */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software rasterizer|basic render driver/i;

export function isSoftwareRenderer(renderer: string | null | undefined): boolean {
  return renderer != null && SOFTWARE_RENDERER.test(renderer);
}

/** Asks this document's browser for a WebGL2 context and the name of what draws it. */
export function probeGraphics(doc: Document): GraphicsSupport {
  try {
    const gl = doc.createElement('canvas').getContext('webgl2');
    if (!gl) return { webgl2: false };
    // The unmasked name where the browser gives it (Chromium), else the masked one (Firefox's is
    // still "llvmpipe" or the like for software).
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { webgl2: true, softwareRenderer: isSoftwareRenderer(renderer) };
  } catch {
    return { webgl2: false };
  }
}

/**
 * Cytoscape core options for a graph of this size: nothing for a small graph; for a large one,
 * cytoscape's WebGL renderer on a GPU, else the canvas renderer at pixel ratio 1. `graphics` is
 * asked only for a large graph (a probe creates a WebGL context: probeGraphics).
 *
 * Why not WebGL everywhere: where WebGL is emulated on the CPU (no GPU: SwiftShader) the WebGL
 * renderer redraws every element every frame, seconds a frame for 20k elements, while the canvas
 * renderer, once it has cached the graph in layers (a few seconds after the first frame), pans by
 * drawing those images: 20k elements, drag-pan after settling at 0.32 vs 13.8 frames/s
 * (bench/results/client.md).
 * Not the canvas's `textureOnViewport` either: its frames during a gesture are cheap, but they
 * leave the layer cache unbuilt, and every pan or zoom after stays slow.
 *
 * The atlas settings are cytoscape's defaults, on purpose. A label is rasterised once, scaled to the
 * height of an atlas row (webglTexSize / webglTexRows): 2048 / 36 = 56 px, which keeps a 13 px label
 * (about 20 px with its background) sharp up to the network's maximum zoom of 3. The earlier
 * 4096 / 24 made rows of 170 px, every label rasterised at ~8.5 times its size into 64 MB atlases:
 * 75 of them for the 20k-element benchmark when every label was drawn, the browser's GPU process
 * grew past 10 GB and no first frame came (the same atlases would fill a real GPU's memory too).
 */
export function renderingOptions(elementCount: number, graphics: () => GraphicsSupport): Record<string, unknown> {
  if (!isLargeGraph(elementCount)) return {};
  const { webgl2, softwareRenderer } = graphics();
  // Cytoscape's WebGL renderer throws without a WebGL2 context.
  // Device pixels beyond 1 multiply the fill cost for no legibility gain at this scale.
  if (!webgl2 || softwareRenderer) return { pixelRatio: 1 };
  return {
    // cytoscape ≥ 3.31: draws nodes and edges from texture atlases in WebGL batches.
    webgl: true,
    webglTexSize: 2048,
    webglTexRows: 36,
    webglTexRowsNodes: 18,
    // Instances per draw call (cytoscape caps it at 16 384); fewer, larger batches for 20k elements.
    webglBatchSize: 4096,
    // Atlases bound per draw call; cytoscape caps it at the GPU's MAX_TEXTURE_IMAGE_UNITS.
    webglTexPerBatch: 16,
    pixelRatio: 1,
  };
}

/** The class that gives an element of a large graph its label (see trackLevelOfDetail). */
export const LOD_LABEL_CLASS = 'lod-label';

/**
 * The class that draws an edge of a large graph coarsely: haystack (a straight segment centre to
 * centre, cytoscape's cheapest edge), no arrowheads. Edges carry it unless detailedEdges picks them,
 * so whatever the base stylesheet says of an edge's curve and arrows holds, unrepeated, for the rest.
 */
export const LOD_COARSE_EDGE_CLASS = 'lod-coarse';

/** On-screen font sizes (px) below which labels are not drawn: nodes, edges. */
const NODE_MIN_FONT_PX = 12;
const EDGE_MIN_FONT_PX = 16;

/**
 * Extra stylesheet entries for a graph of this size, appended after the base stylesheet: edges
 * coarse while they carry LOD_COARSE_EDGE_CLASS, labels only on elements carrying LOD_LABEL_CLASS
 * (both kept by trackLevelOfDetail), the legible size as `min-zoomed-font-size` (which the canvas renderer also applies
 * itself), and labels never catching pointer events. Nothing for small graphs.
 */
export function levelOfDetailStyles(elementCount: number): Array<{ selector: string; style: Record<string, string | number> }> {
  if (!isLargeGraph(elementCount)) return [];
  return [
    { selector: 'node', style: { 'min-zoomed-font-size': NODE_MIN_FONT_PX, 'text-events': 'no' } },
    { selector: 'edge', style: { 'min-zoomed-font-size': EDGE_MIN_FONT_PX, 'text-events': 'no' } },
    { selector: 'node, edge', style: { label: '' } },
    // `[label]`: elements the base stylesheet leaves unlabelled have no label data, and keep none.
    { selector: `node.${LOD_LABEL_CLASS}[label], edge.${LOD_LABEL_CLASS}[label]`, style: { label: 'data(label)' } },
    // Line colour, width and style (dashed shared events) stay: only the curve and the arrowheads go.
    {
      selector: `edge.${LOD_COARSE_EDGE_CLASS}`,
      style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', 'source-arrow-shape': 'none' },
    },
  ];
}

/** Would a label of this font size be drawn at this zoom, by `min-zoomed-font-size`'s rule? */
export function labelLegible(fontSizePx: number, minZoomedFontSizePx: number, zoom: number): boolean {
  return fontSizePx * zoom >= minZoomedFontSizePx;
}

/**
 * The elements that should carry a label now: centre (node position, edge midpoint between its
 * ends) within the viewport widened by `marginPx` rendered pixels, and font legible at this zoom.
 * Zoomed out below every threshold it returns at once, without visiting the elements.
 */
export function labelledElements(cy: cytoscape.Core, marginPx = 80): cytoscape.CollectionReturnValue {
  const zoom = cy.zoom();
  // The largest font our stylesheets use is 15 px (highlighted nodes); 32 leaves room for more.
  if (!labelLegible(32, NODE_MIN_FONT_PX, zoom)) return cy.collection();
  const inView = viewportTest(cy, marginPx);
  return cy.elements().filter((el) => {
    if (el.isNode()) {
      const p = el.position();
      if (!inView(p.x, p.y)) return false;
    } else {
      const s = el.source().position();
      const t = el.target().position();
      if (!inView((s.x + t.x) / 2, (s.y + t.y) / 2)) return false;
    }
    return labelLegible(Number(el.numericStyle('font-size')), Number(el.numericStyle('min-zoomed-font-size')), zoom);
  });
}

/** Is a model position within the viewport widened by `marginPx` rendered pixels? */
function viewportTest(cy: cytoscape.Core, marginPx: number): (x: number, y: number) => boolean {
  const e = cy.extent();
  const m = marginPx / cy.zoom();
  return (x, y) => x >= e.x1 - m && x <= e.x2 + m && y >= e.y1 - m && y <= e.y2 + m;
}

/**
 * The zoom from which edges on screen get their curve and arrowheads back. Our arrowheads are about
 * 8 model px long (cytoscape: max((width × 13.37)^0.9, 29) × arrow-scale 0.9 × the triangle's 0.3),
 * so about 4 px on screen at 0.5, where a direction starts to be readable; below, a pixel or two.
 */
export const EDGE_DETAIL_MIN_ZOOM = 0.5;

/**
 * The edges to draw in full now: zoomed in to EDGE_DETAIL_MIN_ZOOM or more, those whose target end
 * (where the arrowhead is) or midpoint is within the viewport widened by `marginPx` rendered pixels.
 * Others stay coarse: their arrowhead is off screen. (The spiral layout puts hubs at the centre, so
 * "either end on screen" would detail most of a hub's fan, 7,151 of 12,000 edges at zoom 0.6.)
 */
export function detailedEdges(cy: cytoscape.Core, marginPx = 80): cytoscape.EdgeCollection {
  if (cy.zoom() < EDGE_DETAIL_MIN_ZOOM) return cy.collection();
  const inView = viewportTest(cy, marginPx);
  return cy.edges().filter((edge) => {
    const s = edge.source().position();
    const t = edge.target().position();
    return inView(t.x, t.y) || inView((s.x + t.x) / 2, (s.y + t.y) / 2);
  });
}

/**
 * One pass over the elements, in a batch: LOD_LABEL_CLASS on exactly `labelled`, and
 * LOD_COARSE_EDGE_CLASS on every edge not in `detailed`, touching only elements whose class must
 * change. Plain id sets and one loop: collection filters with `difference` and `has` over 20k
 * elements cost ~100 ms a pass even when nothing changed (zoomed out, every settled pan).
 */
function applyLevelOfDetail(cy: cytoscape.Core, labelled: cytoscape.CollectionReturnValue, detailed: cytoscape.EdgeCollection): void {
  const labelledIds = new Set(labelled.map((el) => el.id()));
  const detailedIds = new Set(detailed.map((el) => el.id()));
  cy.batch(() => {
    cy.elements().forEach((el) => {
      const id = el.id();
      const label = labelledIds.has(id);
      if (el.hasClass(LOD_LABEL_CLASS) !== label) el.toggleClass(LOD_LABEL_CLASS, label);
      if (!el.isEdge()) return;
      const coarse = !detailedIds.has(id);
      if (el.hasClass(LOD_COARSE_EDGE_CLASS) !== coarse) el.toggleClass(LOD_COARSE_EDGE_CLASS, coarse);
    });
  });
}

/**
 * Keeps a large graph's level of detail: LOD_LABEL_CLASS on exactly labelledElements(cy), and
 * LOD_COARSE_EDGE_CLASS on every edge but detailedEdges(cy), recomputed once the viewport settles
 * and after elements are added. An edge is coarse from the moment it is added (inside the caller's
 * batch, so a large graph's first frame is drawn coarse), and what is on screen at a readable zoom
 * gets its detail about `settleMs` after a pan or zoom stops: a few hundred labels and detailed
 * edges zoomed in, none zoomed out. Classes are compared with the elements' own, so an update that
 * reset them is mended on the next pass. Returns the function that stops it.
 */
export function trackLevelOfDetail(cy: cytoscape.Core, options: { settleMs?: number; marginPx?: number } = {}): () => void {
  const settleMs = options.settleMs ?? 120;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    timer = undefined;
    if (cy.destroyed()) return;
    applyLevelOfDetail(cy, labelledElements(cy, options.marginPx), detailedEdges(cy, options.marginPx));
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(update, settleMs);
  };
  const coarsenAdded = (event: cytoscape.EventObject) => {
    event.target.addClass(LOD_COARSE_EDGE_CLASS);
  };
  cy.on('add', 'edge', coarsenAdded);
  cy.on('viewport add', schedule);
  cy.edges().addClass(LOD_COARSE_EDGE_CLASS);
  schedule();
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    cy.off('add', 'edge', coarsenAdded);
    cy.off('viewport add', schedule);
  };
}
