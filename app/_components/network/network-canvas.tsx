'use client';

import { useEffect, useMemo, useRef } from 'react';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { graphStylesheet } from '@/lib/views/graph-elements';
import { networkHighlight, networkModel, type NetworkModel } from '@/lib/views/network-views';
import type { ViewProps } from '../view-props';
import { applyElements } from './apply-elements';
import { stableLayout } from './stable-layout';
import { graphicsSupport, isLargeGraph, layoutLargeGraph, levelOfDetailStyles, renderingOptions, trackLevelOfDetail } from './large-graph';

// Extensions register globally; registering twice (hot reload) makes cytoscape warn.
let fcoseRegistered = false;
function registerFcose() {
  if (fcoseRegistered) return;
  cytoscape.use(fcose);
  fcoseRegistered = true;
}

const HIGHLIGHT_CLASSES = ['highlighted', 'dimmed', 'selected'];

export interface NetworkCanvasProps extends ViewProps {
  /**
   * What to draw (lib/views/network-views.ts), shared with the list view so the two always agree.
   * Without it the canvas draws the view's stated relationships only (embeds, presentations).
   */
  model?: NetworkModel;
}

/**
 * Owns one cytoscape instance (the react-cytoscapejs pattern): created once on a ref, elements
 * applied as a diff keyed by id (apply-elements.ts), laid out so that what is drawn stays where it
 * is and only new nodes are placed (stable-layout.ts), destroyed on unmount. Elements and styles
 * come from lib/views (graph-elements.ts, network-views.ts).
 */
export function NetworkCanvas({ view, linked, onSelect, onHover, model: given }: NetworkCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const reduceMotion = useRef(false);
  const callbacks = useRef({ onSelect, onHover });
  useEffect(() => {
    callbacks.current = { onSelect, onHover };
  }, [onSelect, onHover]);

  const fallback = useMemo(() => (given ? null : networkModel(view, 'relations')), [given, view]);
  const model = given ?? fallback!;
  const elements = model.elements;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    registerFcose();
    reduceMotion.current = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    // The wheel scrolls the page on desktop (zoom is on the buttons); on touch screens pinch
    // zooms and one finger pans, and the page still scrolls from outside the canvas.
    const coarse = window.matchMedia('(pointer: coarse)').matches;
    // Large graphs (counted at mount): the WebGL renderer on a GPU, the canvas at pixel ratio 1
    // without one, and label level of detail (large-graph.ts).
    const size = elements.length;
    const cy = cytoscape({
      ...renderingOptions(size, graphicsSupport),
      container,
      elements: [],
      style: [...graphStylesheet(), ...levelOfDetailStyles(size)],
      minZoom: 0.2,
      maxZoom: 3,
      userZoomingEnabled: coarse,
      userPanningEnabled: true,
      boxSelectionEnabled: false,
      // Selection is ours (the shared reducer), shown with the `selected` class.
      autounselectify: true,
    });
    cyRef.current = cy;
    // Large graphs: labels only on screen and legible, given by class (the WebGL renderer ignores
    // min-zoomed-font-size and would rasterise every label otherwise), and edges coarse (no curve,
    // no arrowheads) except on screen at a zoom where arrows can be read.
    const stopLevelOfDetail = isLargeGraph(size) ? trackLevelOfDetail(cy) : undefined;
    // Test hook, see types/test-hooks.d.ts: only the instance, nothing else.
    window.__twCy = cy;

    // Event nodes (bipartite view) select the event, entity nodes the entity.
    const targetOf = (node: cytoscape.NodeSingular) => ({ kind: node.hasClass('event') ? ('event' as const) : ('entity' as const), id: node.id() });
    cy.on('tap', 'node', (e) => callbacks.current.onSelect(targetOf(e.target)));
    cy.on('tap', (e) => {
      if (e.target === cy) callbacks.current.onSelect(null);
    });
    // Previews only where a pointer can hover: on touch screens a tap would leave one stuck.
    if (window.matchMedia('(hover: hover)').matches) {
      cy.on('mouseover', 'node', (e) => {
        container.style.cursor = 'pointer';
        callbacks.current.onHover(targetOf(e.target));
      });
      cy.on('mouseout', 'node', () => {
        container.style.cursor = '';
        callbacks.current.onHover(null);
      });
    }

    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container);

    return () => {
      stopLevelOfDetail?.();
      resize.disconnect();
      if (window.__twCy === cy) delete window.__twCy;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Elements: diff by id; only new nodes are placed, the rest stays put.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const diff = applyElements(cy, elements);
    if (!layoutLargeGraph(cy, diff.kept)) stableLayout(cy, diff, { animate: !reduceMotion.current });
  }, [elements]);

  // Highlight: classes only, after the elements effect (it also re-applies after a diff).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const h = networkHighlight(linked, model);
    cy.batch(() => {
      cy.elements().removeClass(HIGHLIGHT_CLASSES);
      if (h.active) {
        cy.elements().forEach((el) => {
          el.addClass((el.isNode() ? h.nodeIds : h.edgeIds).has(el.id()) ? 'highlighted' : 'dimmed');
        });
      }
      if (h.selectedId) cy.getElementById(h.selectedId).addClass('selected');
    });
  }, [linked, model]);

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
        aria-label="Network of entities and their links (pointer only; the list view below offers the same items by keyboard)"
        data-testid="network"
      />
    </>
  );
}

export default NetworkCanvas;
