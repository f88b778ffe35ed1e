import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LayoutResponse, WORKER_LAYOUT_MIN_NODES, shouldLayoutInWorker } from '../../../lib/views/worker-layout';

describe('network layout worker protocol', () => {
  it('sends graphs of WORKER_LAYOUT_MIN_NODES nodes or more to the worker, smaller ones and worker-less pages not', () => {
    assert.equal(shouldLayoutInWorker(WORKER_LAYOUT_MIN_NODES, true), true);
    assert.equal(shouldLayoutInWorker(WORKER_LAYOUT_MIN_NODES - 1, true), false);
    assert.equal(shouldLayoutInWorker(5_000, false), false);
  });

  it('accepts an answer of finite positions, refuses anything else', () => {
    assert.deepEqual(LayoutResponse.parse({ id: 3, positions: [{ id: 'ent_a', x: 1.5, y: -2 }] }).positions, [{ id: 'ent_a', x: 1.5, y: -2 }]);
    assert.equal(LayoutResponse.parse({ id: 3, positions: [], error: 'boom' }).error, 'boom');
    for (const bad of [
      { id: 3, positions: [{ id: 'ent_a', x: Number.NaN, y: 0 }] },
      { id: 3, positions: [{ id: 'ent_a', x: Infinity, y: 0 }] },
      { id: '3', positions: [] },
      { id: 3, positions: [{ id: 'ent_a', x: 0, y: 0, z: 1 }] },
      null,
    ]) {
      assert.equal(LayoutResponse.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });
});
