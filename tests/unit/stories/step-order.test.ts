import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { focusAfterRemove, insertAt, moveBy, moveItem, removeAt } from '../../../lib/stories/step-order';

describe('step order (the editor\'s move, add and delete)', () => {
  const abc = ['a', 'b', 'c'] as const;

  it('moves an item to any position, leaving the input alone', () => {
    assert.deepEqual(moveItem(abc, 2, 0), ['c', 'a', 'b']);
    assert.deepEqual(moveItem(abc, 0, 2), ['b', 'c', 'a']);
    assert.deepEqual(abc, ['a', 'b', 'c']);
    assert.deepEqual(moveItem(abc, 0, 5), ['a', 'b', 'c'], 'out of range: unchanged');
  });

  it('moves one place up or down and says where the item is now; nothing moves past either end', () => {
    assert.deepEqual(moveBy(abc, 2, -1), { items: ['a', 'c', 'b'], index: 1 });
    assert.deepEqual(moveBy(abc, 0, 1), { items: ['b', 'a', 'c'], index: 1 });
    assert.deepEqual(moveBy(abc, 0, -1), { items: ['a', 'b', 'c'], index: 0 });
    assert.deepEqual(moveBy(abc, 2, 1), { items: ['a', 'b', 'c'], index: 2 });
  });

  it('removes and inserts by position', () => {
    assert.deepEqual(removeAt(abc, 1), ['a', 'c']);
    assert.deepEqual(removeAt(abc, 9), ['a', 'b', 'c']);
    assert.deepEqual(insertAt(abc, 1, 'x'), ['a', 'x', 'b', 'c']);
    assert.deepEqual(insertAt(abc, 99, 'x'), ['a', 'b', 'c', 'x']);
  });

  it('after a delete, focus goes to the next step, else the previous, else nowhere', () => {
    assert.equal(focusAfterRemove(0, 3), 0);
    assert.equal(focusAfterRemove(2, 3), 1);
    assert.equal(focusAfterRemove(0, 1), null);
  });
});
