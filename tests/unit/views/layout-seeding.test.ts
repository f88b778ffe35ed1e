import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashId, seedPositions, type Point } from '../../../lib/views/layout-seeding';

const placed = new Map<string, Point>([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 100, y: 0 }],
]);
const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

describe('seedPositions', () => {
  it('never moves a placed node and seeds only the new ones', () => {
    const s = seedPositions(['a', 'b', 'n'], [{ source: 'a', target: 'n' }], placed);
    assert.deepEqual([...s.keys()], ['n']);
  });

  it('puts a new node beside its placed neighbours: at the spacing from their centroid', () => {
    const one = seedPositions(['a', 'b', 'n'], [{ source: 'a', target: 'n' }], placed, { spacing: 50 }).get('n')!;
    assert.ok(Math.abs(dist(one, { x: 0, y: 0 }) - 50) < 0.01);
    const two = seedPositions(['a', 'b', 'n'], [{ source: 'a', target: 'n' }, { source: 'n', target: 'b' }], placed, { spacing: 50 }).get('n')!;
    assert.ok(Math.abs(dist(two, { x: 50, y: 0 }) - 50) < 0.01, 'around the midpoint of a and b');
  });

  it('fans nodes that share an anchor around it, without two in the same place', () => {
    const fan = Array.from({ length: 15 }, (_, i) => `n${i}`);
    const s = seedPositions(['a', 'b', ...fan], fan.map((id) => ({ source: 'a', target: id })), placed);
    const pts = fan.map((id) => s.get(id)!);
    for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) assert.ok(dist(pts[i]!, pts[j]!) > 10, `${fan[i]} and ${fan[j]} overlap`);
  });

  it('places nodes reachable only through new nodes in later rings, from those', () => {
    const s = seedPositions(['a', 'b', 'n', 'm'], [{ source: 'a', target: 'n' }, { source: 'n', target: 'm' }], placed, { spacing: 40 });
    assert.ok(Math.abs(dist(s.get('m')!, s.get('n')!) - 40) < 0.01);
  });

  it('puts unconnected new nodes in a row under the drawing', () => {
    const s = seedPositions(['a', 'b', 'x', 'y'], [], placed, { spacing: 40 });
    assert.ok(s.get('x')!.y > 0 && s.get('y')!.y > 0);
    assert.notDeepEqual(s.get('x'), s.get('y'));
  });

  it('seeds nothing when nothing drawn is placed (the caller lays out from scratch)', () => {
    assert.equal(seedPositions(['x', 'y'], [{ source: 'x', target: 'y' }], new Map()).size, 0);
    assert.equal(seedPositions(['x'], [], new Map([['gone', { x: 1, y: 1 }]])).size, 0, 'placed but no longer drawn does not count');
  });

  it('is deterministic: same input, same positions, whatever the order of the lists', () => {
    const edges = [{ source: 'a', target: 'n' }, { source: 'b', target: 'm' }, { source: 'n', target: 'm' }];
    const one = seedPositions(['a', 'b', 'n', 'm'], edges, placed);
    const two = seedPositions(['m', 'n', 'b', 'a'], [...edges].reverse(), new Map([...placed].reverse()));
    assert.deepEqual([...one].sort(), [...two].sort());
    assert.equal(hashId('ent_1'), hashId('ent_1'));
    assert.notEqual(hashId('ent_1'), hashId('ent_2'));
  });
});
