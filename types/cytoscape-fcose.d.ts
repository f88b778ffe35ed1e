/**
 * cytoscape-fcose ships no types. Only what Timeweave uses is declared; the full option list is in
 * node_modules/cytoscape-fcose/src/fcose/index.js (`defaults`).
 */
declare module 'cytoscape-fcose' {
  import type cytoscape from 'cytoscape';

  export interface FcoseLayoutOptions extends cytoscape.BaseLayoutOptions {
    name: 'fcose';
    /** 'draft' | 'default' | 'proof'; randomize: false requires 'proof'. */
    quality?: 'draft' | 'default' | 'proof';
    randomize?: boolean;
    animate?: boolean;
    animationDuration?: number;
    fit?: boolean;
    padding?: number;
    nodeDimensionsIncludeLabels?: boolean;
    uniformNodeDimensions?: boolean;
    packComponents?: boolean;
    nodeSeparation?: number;
    nodeRepulsion?: number | ((node: cytoscape.NodeSingular) => number);
    idealEdgeLength?: number | ((edge: cytoscape.EdgeSingular) => number);
    edgeElasticity?: number | ((edge: cytoscape.EdgeSingular) => number);
    gravity?: number;
    gravityRange?: number;
    numIter?: number;
    tile?: boolean;
    tilingPaddingVertical?: number;
    tilingPaddingHorizontal?: number;
    /** Nodes placed exactly here by the layout (used to keep drawn nodes still in incremental layouts). */
    fixedNodeConstraint?: Array<{ nodeId: string; position: { x: number; y: number } }>;
  }

  const fcose: cytoscape.Ext;
  export default fcose;
}
