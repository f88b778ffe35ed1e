import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest, LayoutResponse } from '@/lib/views/worker-layout';

/**
 * Runs fcose off the main thread on a headless cytoscape: the page stays responsive while a
 * graph of hundreds of nodes is laid out. Nodes get the boxes the page measured (labels
 * included), so spacing matches a layout run on the page itself.
 */
cytoscape.use(fcose);

// The worker's global scope, typed without pulling the WebWorker lib into a DOM program.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

scope.onmessage = (e) => {
  const { id, nodes, edges, options } = e.data;
  try {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h } })),
        ...edges.map((x) => ({ group: 'edges' as const, data: { id: x.id, source: x.source, target: x.target } })),
      ],
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    });
    cy.layout({ ...options, name: 'fcose', animate: false, fit: false, nodeDimensionsIncludeLabels: false } as cytoscape.LayoutOptions).run();
    const positions = cy.nodes().map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y') }));
    cy.destroy();
    scope.postMessage({ id, positions });
  } catch (err) {
    scope.postMessage({ id, positions: [], error: err instanceof Error ? err.message : String(err) });
  }
};
