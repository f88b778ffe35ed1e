/**
 * Where to put nodes that appear in a network that is already laid out, so that the drawing stays
 * stable when the data changes (filters, the timeline window, a view switch, an expansion): nodes
 * already on screen keep their positions, and a new node starts beside its already-placed
 * neighbours. Pure and deterministic (no randomness: the same graph and positions always seed the
 * same places), tested headless; the canvas then lets the layout refine only the new nodes.
 */

export interface Point {
  x: number;
  y: number;
}

export interface SeedOptions {
  /** Distance from the neighbours' centroid to a new node. */
  spacing?: number;
}

/** FNV-1a, 32-bit: a stable number from an id, for a stable angle. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Positions for the nodes of `nodeIds` that `placed` does not have. Returns an empty map when
 * nothing drawn is placed yet: then there is nothing to stay stable against and the caller runs a
 * full layout.
 *
 * New nodes are placed in rings outward from what is placed: a node with placed neighbours goes
 * near their centroid; nodes that share the same neighbours are spread evenly around that point
 * (so the ten entities of an expansion fan out around the expanded node instead of piling up);
 * nodes reachable only through other new nodes are placed in later rounds, from those; nodes with
 * no path to anything placed go in a row under the drawing.
 */
export function seedPositions(
  nodeIds: readonly string[],
  edges: ReadonlyArray<{ source: string; target: string }>,
  placed: ReadonlyMap<string, Point>,
  options: SeedOptions = {},
): Map<string, Point> {
  const spacing = options.spacing ?? 70;
  const drawn = new Set(nodeIds);
  const known = new Map<string, Point>();
  for (const id of nodeIds) {
    const p = placed.get(id);
    if (p) known.set(id, p);
  }
  const seeded = new Map<string, Point>();
  if (known.size === 0) return seeded;

  const neighbours = new Map<string, Set<string>>();
  for (const { source, target } of edges) {
    if (!drawn.has(source) || !drawn.has(target) || source === target) continue;
    (neighbours.get(source) ?? neighbours.set(source, new Set()).get(source)!).add(target);
    (neighbours.get(target) ?? neighbours.set(target, new Set()).get(target)!).add(source);
  }

  let pending = [...new Set(nodeIds)].filter((id) => !known.has(id)).sort();
  while (pending.length > 0) {
    // One ring: every pending node with a neighbour placed before this round, grouped by which
    // neighbours those are (same anchors → fanned around the same centroid).
    const groups = new Map<string, string[]>();
    for (const id of pending) {
      const anchors = [...(neighbours.get(id) ?? [])].filter((n) => known.has(n)).sort();
      if (anchors.length === 0) continue;
      const key = anchors.join(' ');
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(id);
    }
    if (groups.size === 0) break;
    const ring = new Map<string, Point>();
    for (const [key, ids] of groups) {
      const anchors = key.split(' ');
      const cx = anchors.reduce((s, a) => s + known.get(a)!.x, 0) / anchors.length;
      const cy = anchors.reduce((s, a) => s + known.get(a)!.y, 0) / anchors.length;
      const base = ((hashId(key) % 360) * Math.PI) / 180;
      ids.forEach((id, i) => {
        // Twelve to a ring, further rings a little wider, so big fans do not overlap.
        const angle = base + (2 * Math.PI * (i % 12)) / Math.min(12, ids.length);
        const r = spacing * (1 + 0.6 * Math.floor(i / 12));
        ring.set(id, { x: round(cx + r * Math.cos(angle)), y: round(cy + r * Math.sin(angle)) });
      });
    }
    for (const [id, p] of ring) {
      known.set(id, p);
      seeded.set(id, p);
    }
    pending = pending.filter((id) => !ring.has(id));
  }

  if (pending.length > 0) {
    // Unconnected to anything placed: a row under the current drawing, in id order.
    const points = [...known.values()];
    const minX = Math.min(...points.map((p) => p.x));
    const maxY = Math.max(...points.map((p) => p.y));
    pending.forEach((id, i) => seeded.set(id, { x: round(minX + (i % 8) * spacing), y: round(maxY + spacing * (1.5 + Math.floor(i / 8))) }));
  }
  return seeded;
}

const round = (v: number) => Math.round(v * 100) / 100;
