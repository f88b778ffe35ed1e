import '../zod';
import { z } from 'zod';

/**
 * The message protocol of the network's layout worker (app/_components/network/fcose.worker.ts):
 * the main thread sends the graph (each node with the box it occupies, label included, as drawn)
 * and the fcose options; the worker answers with a position per node. Pure data, no cytoscape, so
 * both sides and the unit tests share it.
 */

/** From this many nodes the first layout runs in the worker (fcose takes ~2 s for 300 on one core). */
export const WORKER_LAYOUT_MIN_NODES = 100;

export interface LayoutRequest {
  /** Tells answers to superseded requests apart. */
  id: number;
  nodes: Array<{ id: string; w: number; h: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
  /** fcose options that are plain data (no functions cross a worker boundary). */
  options: Record<string, string | number | boolean>;
}

/** What the worker answers; parsed on the main thread, like any input from outside the page's code. */
export const LayoutResponse = z.strictObject({
  id: z.number().int(),
  positions: z.array(z.strictObject({ id: z.string(), x: z.number().finite(), y: z.number().finite() })),
  error: z.string().optional(),
});
export type LayoutResponse = z.infer<typeof LayoutResponse>;

export function shouldLayoutInWorker(nodeCount: number, workersAvailable: boolean): boolean {
  return workersAvailable && nodeCount >= WORKER_LAYOUT_MIN_NODES;
}
