import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { edgesValidIn } from '../../../lib/views/graph-window';
import { sampleCaseView } from './sample-view';

const { view } = sampleCaseView();
const troops = (g: typeof view.graph) => g.edges.filter((e) => e.type === 'CONTRIBUTES_TROOPS_TO').length;

describe('edgesValidIn (graph as of the window)', () => {
  it('keeps everything without a window', () => {
    const r = edgesValidIn(view.graph, null);
    assert.equal(r.graph, view.graph);
    assert.equal(r.outside, 0);
  });

  it('keeps relationships whose validity overlaps the window, and timeless ones', () => {
    const r = edgesValidIn(view.graph, { start: '2022-01-10T00:00', end: '2022-01-12T00:00' });
    assert.equal(troops(r.graph), 5);
    assert.equal(r.outside, 0);
  });

  it('drops relationships that ended before the window, counting them', () => {
    // Valid "2022-01" to "2022-01-23": the whole of the 23rd is still inside.
    assert.equal(troops(edgesValidIn(view.graph, { start: '2022-01-23T18:00', end: '2022-01-24T00:00' }).graph), 5);
    const after = edgesValidIn(view.graph, { start: '2022-01-24T00:00', end: '2022-02-01T00:00' });
    assert.equal(troops(after.graph), 0);
    assert.equal(after.outside, 5);
    assert.equal(after.graph.edges.length, view.graph.edges.length - 5);
  });

  it('drops relationships that start after the window', () => {
    assert.equal(troops(edgesValidIn(view.graph, { start: '2021-12-01T00:00', end: '2022-01-01T00:00' }).graph), 0);
  });
});
