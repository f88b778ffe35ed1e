import type cytoscape from 'cytoscape';
import type { NetworkElement } from '@/lib/views/graph-elements';

export interface ElementDiff {
  /** Positions of the nodes that were drawn before and still are: what must not move. */
  kept: Map<string, { x: number; y: number }>;
  /** Nodes drawn for the first time. */
  addedNodeIds: string[];
  /** How many nodes were removed. */
  removedNodes: number;
  /** Whether anything was added or removed (data-only updates are not structural). */
  structural: boolean;
}

/** Where an element keeps the classes its model gave it (cytoscape's per-element scratch). */
const MODEL_CLASSES = 'twModelClasses';

/**
 * Applies `elements` to `cy` as a diff keyed by id, in one batch (the react-cytoscapejs pattern):
 * stale elements removed, new ones added, the rest updated in place, so nothing already drawn is
 * recreated (and loses its position).
 *
 * An update swaps only the classes the model gave (remembered when added): the canvas's own, the
 * large graph's level of detail and the highlight, stay. Replacing every class would draw a large
 * graph's every edge in full, unlabelled, until the next settled pan or zoom.
 */
export function applyElements(cy: cytoscape.Core, elements: readonly NetworkElement[]): ElementDiff {
  const nextIds = new Set(elements.map((el) => el.data.id));
  const addedNodeIds: string[] = [];
  const kept = new Map<string, { x: number; y: number }>();
  let structural = false;
  let removedNodes = 0;
  cy.batch(() => {
    const stale = cy.elements().filter((el) => !nextIds.has(el.id()));
    removedNodes = stale.nodes().length;
    if (stale.nonempty()) {
      cy.remove(stale);
      structural = true;
    }
    cy.nodes().forEach((n) => {
      kept.set(n.id(), { ...n.position() });
    });
    // Nodes before edges, so an edge never points at a node that is not there yet.
    const ordered = [...elements].sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
    for (const el of ordered) {
      const existing = cy.getElementById(el.data.id);
      if (existing.empty()) {
        cy.add(el).scratch(MODEL_CLASSES, el.classes);
        if (el.group === 'nodes') addedNodeIds.push(el.data.id);
        structural = true;
      } else if (el.group === 'edges' && (existing.data('source') !== el.data.source || existing.data('target') !== el.data.target)) {
        // An edge's endpoints cannot be changed in place.
        cy.remove(existing);
        cy.add(el).scratch(MODEL_CLASSES, el.classes);
        structural = true;
      } else {
        existing.data(el.data);
        const before = (existing.scratch(MODEL_CLASSES) as string | undefined) ?? '';
        if (before !== el.classes) {
          existing.removeClass(before).addClass(el.classes);
          existing.scratch(MODEL_CLASSES, el.classes);
        }
      }
    }
  });
  return { kept, addedNodeIds, removedNodes, structural };
}
