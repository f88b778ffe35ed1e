import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LARGE_GRAPH_ELEMENTS, isLargeGraph, levelOfDetailStyles, renderingOptions, sunflowerPositions } from '../../../lib/views/large-graph';

describe('large-graph level of detail', () => {
  it('leaves small graphs exactly as they were: no renderer options, no extra styles', () => {
    assert.equal(isLargeGraph(LARGE_GRAPH_ELEMENTS), false);
    assert.deepEqual(renderingOptions(50), {});
    assert.deepEqual(levelOfDetailStyles(50), []);
  });

  it('gives large graphs the WebGL renderer and hides labels below a legible size', () => {
    const n = LARGE_GRAPH_ELEMENTS + 1;
    assert.equal(renderingOptions(n).webgl, true);
    const styles = levelOfDetailStyles(n);
    assert.ok(styles.some((s) => s.selector === 'node' && Number(s.style['min-zoomed-font-size']) >= 8));
    assert.ok(styles.every((s) => s.style['text-events'] === 'no'));
  });
});

describe('sunflowerPositions', () => {
  const ids = Array.from({ length: 500 }, (_, i) => `n${i}`);
  const edges = ids.slice(1).map((id, i) => ({ source: i % 3 === 0 ? 'n7' : ids[i]!, target: id }));

  it('places every node, deterministically, the best connected at the centre', () => {
    const a = sunflowerPositions(ids, edges);
    const b = sunflowerPositions([...ids].reverse(), [...edges].reverse());
    assert.equal(a.size, ids.length);
    assert.deepEqual([...a.entries()].sort(), [...b.entries()].sort());
    const r = (id: string) => Math.hypot(a.get(id)!.x, a.get(id)!.y);
    assert.ok(ids.every((id) => r('n7') <= r(id)), 'the hub is nearest the centre');
  });

  it('keeps nodes apart (no two closer than half the spacing)', () => {
    const pos = [...sunflowerPositions(ids, edges, 40).values()];
    let min = Infinity;
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) min = Math.min(min, Math.hypot(pos[i]!.x - pos[j]!.x, pos[i]!.y - pos[j]!.y));
    }
    assert.ok(min >= 20, `closest pair ${min}`);
  });
});
