import type cytoscape from 'cytoscape';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';
import { seedPositions } from '@/lib/views/layout-seeding';
import { shouldLayoutInWorker } from '@/lib/views/worker-layout';
import { layoutInWorker, layoutOnPage, workerLayoutPending, workersAvailable } from './worker-layout';
import type { ElementDiff } from './apply-elements';

const SHARED: Omit<FcoseLayoutOptions, 'name'> = {
  nodeDimensionsIncludeLabels: true,
  nodeSeparation: 60,
  nodeRepulsion: 4500,
  idealEdgeLength: 60,
  tilingPaddingVertical: 16,
  tilingPaddingHorizontal: 16,
};

/**
 * Lays out after a diff so that the drawing stays stable when the data changes:
 * - nothing drawn before (first load): a full fcose layout, in a worker from WORKER_LAYOUT_MIN_NODES
 *   nodes on (worker-layout.ts), so hundreds of nodes do not freeze the page;
 * - otherwise the nodes that were already drawn keep their positions exactly; new nodes start
 *   beside their placed neighbours (lib/views/layout-seeding.ts) and an incremental fcose
 *   (randomize: false) refines only them, every old node pinned with fixedNodeConstraint;
 * - removals and edge-only changes (the timeline window, most filters) run no layout at all.
 * The viewport follows only if something drawn is now outside it.
 */
export function stableLayout(cy: cytoscape.Core, diff: ElementDiff, options: { animate: boolean }): void {
  if (cy.nodes().empty()) return;
  // A first layout still out in the worker is redone whole: its nodes stand on a placeholder spiral.
  if (diff.kept.size === 0 || (diff.structural && workerLayoutPending(cy))) {
    if (!diff.structural) return;
    const full: FcoseLayoutOptions = { name: 'fcose', quality: 'default', randomize: true, animate: false, fit: true, padding: 24, packComponents: true, ...SHARED };
    if (shouldLayoutInWorker(cy.nodes().length, workersAvailable())) layoutInWorker(cy, full, options.animate);
    else layoutOnPage(cy, full);
    return;
  }
  if (diff.addedNodeIds.length > 0) {
    const seeds = seedPositions(
      cy.nodes().map((n) => n.id()),
      cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string })),
      diff.kept,
    );
    cy.batch(() => {
      for (const [id, p] of seeds) cy.getElementById(id).position(p);
    });
    const fixedNodeConstraint = [...diff.kept].map(([nodeId, position]) => ({ nodeId, position }));
    const layout: FcoseLayoutOptions = {
      name: 'fcose',
      quality: 'proof',
      randomize: false,
      animate: options.animate,
      animationDuration: 300,
      fit: false,
      packComponents: false,
      fixedNodeConstraint,
      ...SHARED,
      // fcose pins a node's centre; with labels counted, that centre is below the node (labels
      // sit under it), and pinned nodes would shift by half their label's height.
      nodeDimensionsIncludeLabels: false,
    };
    // Drawn nodes are locked while the layout runs, so not even its animation frames move them
    // (cytoscape ignores position changes of locked nodes); fcose's constraint alone let them
    // drift a few pixels mid-animation.
    const locked = cy.collection();
    for (const id of diff.kept.keys()) {
      const n = cy.getElementById(id);
      if (n.nonempty() && !n.locked()) locked.merge(n);
    }
    locked.lock();
    const run = cy.layout(layout);
    // The invariant, enforced: whatever the layout did, drawn nodes end where they were.
    run.one('layoutstop', () => {
      locked.unlock();
      cy.batch(() => {
        for (const [id, p] of diff.kept) {
          const n = cy.getElementById(id);
          if (n.nonempty() && (n.position('x') !== p.x || n.position('y') !== p.y)) n.position(p);
        }
      });
    });
    run.run();
  }
  // Only when the set of nodes changed: an edge-only change (the window playing) leaves the
  // viewport where the analyst put it.
  if (diff.addedNodeIds.length > 0 || diff.removedNodes > 0) followViewport(cy);
}

/** Zoom past which following the drawing stops: a handful of nodes should not fill the canvas. */
const FOLLOW_MAX_ZOOM = 1.5;

/**
 * Moves the viewport (never a node) when the drawing left it, or shrank to a corner of it (focus
 * mode on a big case keeps a few nodes where the whole case had put them).
 */
function followViewport(cy: cytoscape.Core): void {
  const view = cy.extent();
  const box = cy.nodes().boundingBox({});
  const inside = box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
  const small = box.w < view.w * 0.4 && box.h < view.h * 0.4;
  if (inside && !small) return;
  cy.fit(undefined, 24);
  if (cy.zoom() > FOLLOW_MAX_ZOOM) {
    cy.zoom(FOLLOW_MAX_ZOOM);
    cy.center();
  }
}
