'use client';

import { useEffect, useMemo, useRef } from 'react';
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import { graphElements, graphStylesheet, highlightOf, type NetworkElement } from '@/lib/views/graph-elements';
import type { ViewProps } from '../view-props';

// Extensions register globally; registering twice (hot reload) makes cytoscape warn.
let fcoseRegistered = false;
function registerFcose() {
  if (fcoseRegistered) return;
  cytoscape.use(fcose);
  fcoseRegistered = true;
}

const HIGHLIGHT_CLASSES = ['highlighted', 'dimmed', 'selected'];

/**
 * Owns one cytoscape instance (the react-cytoscapejs pattern): created once on a ref, elements
 * applied as a diff keyed by id inside cy.batch(), layout re-run only when elements are added or
 * removed, destroyed on unmount. Elements and styles come from lib/views/graph-elements.ts.
 */
export function NetworkCanvas({ view, linked, onSelect, onHover }: ViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const laidOut = useRef(false);
  const reduceMotion = useRef(false);
  const callbacks = useRef({ onSelect, onHover });
  useEffect(() => {
    callbacks.current = { onSelect, onHover };
  }, [onSelect, onHover]);

  const elements = useMemo(() => graphElements(view.graph), [view.graph]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    registerFcose();
    reduceMotion.current = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    // The wheel scrolls the page on desktop (zoom is on the buttons); on touch screens pinch
    // zooms and one finger pans, and the page still scrolls from outside the canvas.
    const coarse = window.matchMedia('(pointer: coarse)').matches;
    const cy = cytoscape({
      container,
      elements: [],
      style: graphStylesheet(),
      minZoom: 0.2,
      maxZoom: 3,
      userZoomingEnabled: coarse,
      userPanningEnabled: true,
      boxSelectionEnabled: false,
      // Selection is ours (the shared reducer), shown with the `selected` class.
      autounselectify: true,
    });
    cyRef.current = cy;
    laidOut.current = false;
    // Test hook, see types/test-hooks.d.ts: only the instance, nothing else.
    window.__twCy = cy;

    cy.on('tap', 'node', (e) => callbacks.current.onSelect({ kind: 'entity', id: e.target.id() }));
    cy.on('tap', (e) => {
      if (e.target === cy) callbacks.current.onSelect(null);
    });
    // Previews only where a pointer can hover: on touch screens a tap would leave one stuck.
    if (window.matchMedia('(hover: hover)').matches) {
      cy.on('mouseover', 'node', (e) => {
        container.style.cursor = 'pointer';
        callbacks.current.onHover({ kind: 'entity', id: e.target.id() });
      });
      cy.on('mouseout', 'node', () => {
        container.style.cursor = '';
        callbacks.current.onHover(null);
      });
    }

    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container);

    return () => {
      resize.disconnect();
      if (window.__twCy === cy) delete window.__twCy;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Elements: diff by id; only additions or removals move nodes.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    let structural = false;
    cy.batch(() => {
      const nextIds = new Set(elements.map((el) => el.data.id));
      const stale = cy.elements().filter((el) => !nextIds.has(el.id()));
      if (stale.nonempty()) {
        cy.remove(stale);
        structural = true;
      }
      // Nodes before edges, so an edge never points at a node that is not there yet.
      const ordered: NetworkElement[] = [...elements].sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
      for (const el of ordered) {
        const existing = cy.getElementById(el.data.id);
        if (existing.empty()) {
          cy.add(el);
          structural = true;
        } else if (el.group === 'edges' && (existing.data('source') !== el.data.source || existing.data('target') !== el.data.target)) {
          // An edge's endpoints cannot be changed in place.
          cy.remove(existing);
          cy.add(el);
          structural = true;
        } else {
          existing.data(el.data);
          existing.classes(el.classes);
        }
      }
    });
    if (structural && cy.nodes().nonempty()) {
      const layout: FcoseLayoutOptions = {
        name: 'fcose',
        // A first layout starts from scratch; later ones refine the current positions.
        quality: laidOut.current ? 'proof' : 'default',
        randomize: !laidOut.current,
        animate: laidOut.current && !reduceMotion.current,
        animationDuration: 400,
        fit: true,
        padding: 24,
        nodeDimensionsIncludeLabels: true,
        nodeSeparation: 60,
        nodeRepulsion: 4500,
        idealEdgeLength: 60,
        tilingPaddingVertical: 16,
        tilingPaddingHorizontal: 16,
        packComponents: true,
      };
      cy.layout(layout).run();
      laidOut.current = true;
    }
  }, [elements]);

  // Highlight: classes only, after the elements effect (it also re-applies after a diff).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const selectedId = linked.selected?.kind === 'entity' ? linked.selected.id : null;
    cy.batch(() => {
      cy.elements().removeClass(HIGHLIGHT_CLASSES);
      cy.elements().forEach((el) => {
        const h = highlightOf(el.isNode() ? 'nodes' : 'edges', el.id(), linked);
        if (h) el.addClass(h);
      });
      if (selectedId) cy.getElementById(selectedId).addClass('selected');
    });
  }, [linked, elements]);

  const zoomBy = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const fit = () => cyRef.current?.fit(undefined, 24);

  return (
    <>
      <div className="tw-toolbar" role="group" aria-label="Network zoom">
        <button type="button" className="tw-button" onClick={() => zoomBy(1.25)}>
          <span aria-hidden="true">+</span> Zoom in
        </button>
        <button type="button" className="tw-button" onClick={() => zoomBy(0.8)}>
          <span aria-hidden="true">−</span> Zoom out
        </button>
        <button type="button" className="tw-button" onClick={fit}>
          Fit all
        </button>
      </div>
      <div
        ref={containerRef}
        className="tw-canvas tw-canvas-network"
        role="region"
        aria-label="Network of entities and their relationships (pointer only; the list view below offers the same entities by keyboard)"
        data-testid="network"
      />
    </>
  );
}

export default NetworkCanvas;
