import { expect, test } from '@playwright/test';
import type cytoscape from 'cytoscape';
import { LARGE_GRAPH_ELEMENTS, LOD_LABEL_CLASS, isSoftwareRenderer } from '../../lib/views/large-graph';
import { deleteGeneratedCase, loadGeneratedCase } from './generated-case';

/**
 * A case whose network is over LARGE_GRAPH_ELEMENTS elements (lib/views/large-graph.ts), on the
 * case page as users get it: the renderer the browser's graphics call for, the spiral layout, and
 * labels only where they can be read. The case is generated (`npm run gen`), few events and many
 * entities, so the page holds it whole (under LARGE_TIMELINE_EVENTS) and the graph is still large.
 */
const CASE_ID = 'e2e-network-large';

test.beforeAll(() => {
  test.setTimeout(3 * 60_000);
  loadGeneratedCase(CASE_ID, { events: 300, entities: 1200, seed: 5 });
});

test.afterAll(() => {
  deleteGeneratedCase(CASE_ID);
});

test('a large network: WebGL only where a GPU draws it, labels and arrowheads only on screen and legible', async ({ page }) => {
  test.setTimeout(3 * 60_000);
  await page.goto(`/cases/${CASE_ID}`);
  await page.waitForFunction((min) => (window.__twCy?.elements().length ?? 0) > min, LARGE_GRAPH_ELEMENTS, { timeout: 90_000 });

  // What draws WebGL in this browser, read here independently of the app's probe.
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  });
  const gpu = renderer !== null && !isSoftwareRenderer(renderer);
  const drawn = await page.evaluate(() => {
    const cy = window.__twCy!;
    // `webgl` is set on cytoscape's renderer when its WebGL renderer is on (3.31+); renderer() is
    // not in cytoscape's typings.
    const r = (cy as unknown as { renderer(): { webgl?: unknown } }).renderer();
    return {
      webgl: Boolean(r.webgl),
      elements: cy.elements().length,
      labelled: cy.elements(`.lod-label`).length,
      edges: cy.edges().length,
      coarse: cy.edges().filter((e) => e.style('curve-style') === 'haystack' && e.style('target-arrow-shape') === 'none').length,
    };
  });
  console.log(`large network: ${drawn.elements} elements, WebGL "${renderer}", cytoscape's WebGL renderer ${drawn.webgl ? 'on' : 'off'}`);
  expect(drawn.webgl).toBe(gpu);
  // Fitted to the whole graph, no label is legible, so none is given, and no arrowhead: every edge
  // is drawn as a plain segment.
  expect(drawn.labelled).toBe(0);
  expect(drawn.edges).toBeGreaterThan(1000);
  expect(drawn.coarse).toBe(drawn.edges);

  // Zoomed in on the middle: labels come, once the view settles, to the elements on screen only.
  await page.evaluate(() => {
    const cy = window.__twCy!;
    cy.zoom({ level: 2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  });
  await page.waitForFunction((cls) => (window.__twCy?.elements(`.${cls}`).length ?? 0) > 0, LOD_LABEL_CLASS, { timeout: 10_000 });
  const zoomed = await page.evaluate((cls) => {
    const cy = window.__twCy!;
    const e = cy.extent();
    const off = cy.nodes(`.${cls}`).filter((n) => {
      const p = n.position();
      // The tracker labels up to 80 rendered px beyond the edges (lib/views/large-graph.ts).
      const m = 80 / cy.zoom();
      return p.x < e.x1 - m || p.x > e.x2 + m || p.y < e.y1 - m || p.y > e.y2 + m;
    }).length;
    // Edges whose arrowhead (target end) is on screen have their own curve and arrowhead back; far
    // away ones stay plain.
    const nearEnd = (edge: cytoscape.EdgeSingular) => {
      const p = edge.target().position();
      return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
    };
    const farAway = (edge: cytoscape.EdgeSingular) => {
      const m = 400 / cy.zoom();
      return [edge.source().position(), edge.target().position(), edge.midpoint()].every((p) => p.x < e.x1 - m || p.x > e.x2 + m || p.y < e.y1 - m || p.y > e.y2 + m);
    };
    const detailed = (edge: cytoscape.EdgeSingular) => edge.style('curve-style') !== 'haystack';
    return {
      labelled: cy.elements(`.${cls}`).length,
      total: cy.elements().length,
      off,
      onScreenEdges: cy.edges().filter(nearEnd).length,
      onScreenCoarse: cy.edges().filter((edge) => nearEnd(edge) && !detailed(edge)).length,
      farEdges: cy.edges().filter(farAway).length,
      farDetailed: cy.edges().filter((edge) => farAway(edge) && detailed(edge)).length,
    };
  }, LOD_LABEL_CLASS);
  expect(zoomed.off).toBe(0);
  expect(zoomed.labelled).toBeLessThan(zoomed.total / 4);
  expect(zoomed.onScreenEdges).toBeGreaterThan(0);
  expect(zoomed.onScreenCoarse).toBe(0);
  expect(zoomed.farEdges).toBeGreaterThan(zoomed.onScreenEdges);
  expect(zoomed.farDetailed).toBe(0);
});
