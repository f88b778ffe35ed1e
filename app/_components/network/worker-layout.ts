import type cytoscape from 'cytoscape';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';
import { LayoutResponse, type LayoutRequest } from '@/lib/views/worker-layout';
import { placeOnSpiral } from './large-graph';

/**
 * The first layout of a graph of hundreds of nodes, run by fcose in a worker
 * (fcose.worker.ts) instead of blocking the page for seconds. Meanwhile the nodes stand on a
 * spiral (drawn at once, readable as a list is); the worker's positions then replace it. If the
 * worker cannot run (it failed to load, or threw), the layout runs on the page as before.
 *
 * The container's data-layout says which happened ("worker-pending", "worker", "main"): for the
 * end-to-end tests, and for anyone wondering why a graph moved a second after it appeared.
 */

let worker: Worker | null = null;
let workerBroken = false;
let lastRequestId = 0;
const PENDING = '_twLayoutRequest';

function layoutWorker(): Worker | null {
  if (!workersAvailable()) return null;
  try {
    // Written inline so the bundler sees the worker's entry and builds it as its own chunk.
    worker ??= new Worker(new URL('./fcose.worker.ts', import.meta.url));
  } catch {
    workerBroken = true;
    return null;
  }
  return worker;
}

export function workersAvailable(): boolean {
  return !workerBroken && typeof Worker !== 'undefined';
}

/** Whether a worker layout of this graph is still out: a new diff then lays out the whole graph again. */
export function workerLayoutPending(cy: cytoscape.Core): boolean {
  return cy.scratch(PENDING) !== undefined;
}

function mark(cy: cytoscape.Core, state: 'worker-pending' | 'worker' | 'main'): void {
  cy.container()?.setAttribute('data-layout', state);
}

/** A full fcose layout on the page (the small-graph path, and the fallback). */
export function layoutOnPage(cy: cytoscape.Core, options: FcoseLayoutOptions): void {
  cy.removeScratch(PENDING);
  mark(cy, 'main');
  cy.layout(options).run();
}

export function layoutInWorker(cy: cytoscape.Core, options: FcoseLayoutOptions, animate: boolean): void {
  const w = layoutWorker();
  if (!w) return layoutOnPage(cy, options);
  placeOnSpiral(cy);
  cy.fit(undefined, 24);
  const edges = cy.edges().map((e) => ({ id: e.id(), source: e.data('source') as string, target: e.data('target') as string }));
  // Boxes as drawn, labels included: the worker has no renderer to measure them.
  const nodes = cy.nodes().map((n) => {
    const box = n.boundingBox({ includeLabels: true });
    return { id: n.id(), w: Math.max(1, box.w), h: Math.max(1, box.h) };
  });
  const plain = Object.fromEntries(
    Object.entries(options).filter((entry): entry is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof entry[1])),
  );
  const request: LayoutRequest = { id: ++lastRequestId, nodes, edges, options: plain };
  cy.scratch(PENDING, request.id);
  mark(cy, 'worker-pending');

  const done = () => {
    w.removeEventListener('message', onMessage);
    w.removeEventListener('error', onError);
  };
  const superseded = () => cy.destroyed() || cy.scratch(PENDING) !== request.id;
  const onMessage = (e: MessageEvent<unknown>) => {
    const answer = LayoutResponse.safeParse(e.data);
    if (answer.success && answer.data.id !== request.id) return; // another graph's answer
    done();
    if (superseded()) return;
    if (!answer.success || answer.data.error) {
      console.warn('network layout worker failed; laying out on the page', answer.success ? answer.data.error : answer.error.message);
      return layoutOnPage(cy, options);
    }
    const positions = new Map(answer.data.positions.map((p) => [p.id, { x: p.x, y: p.y }]));
    cy.removeScratch(PENDING);
    mark(cy, 'worker');
    cy.layout({
      name: 'preset',
      // Nodes the worker did not see (none, unless the graph changed meanwhile) stay where they are.
      positions: Object.fromEntries(cy.nodes().map((n) => [n.id(), positions.get(n.id()) ?? { ...n.position() }])),
      fit: true,
      padding: 24,
      animate,
      animationDuration: 300,
    }).run();
  };
  const onError = () => {
    // The worker script could not load or run: never again this page, and this graph on the page.
    done();
    workerBroken = true;
    worker = null;
    if (!superseded()) layoutOnPage(cy, options);
  };
  w.addEventListener('message', onMessage);
  w.addEventListener('error', onError);
  w.postMessage(request);
}
