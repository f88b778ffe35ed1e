import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ID_PATTERN, idKindOf, makeId, sha256Hex } from '../../../lib/model/ids';

describe('deterministic ids', () => {
  it('are the same for the same key parts, and differ otherwise', () => {
    assert.equal(makeId('event', 'case-a', 'storming'), makeId('event', 'case-a', 'storming'));
    assert.notEqual(makeId('event', 'case-a', 'storming'), makeId('event', 'case-b', 'storming'));
  });

  it('do not confuse ("a","bc") with ("ab","c")', () => {
    assert.notEqual(makeId('entity', 'a', 'bc'), makeId('entity', 'ab', 'c'));
  });

  it('carry their kind in a prefix', () => {
    const id = makeId('citation', 'src_0000000000000000', 10, 20);
    assert.match(id, ID_PATTERN);
    assert.equal(idKindOf(id), 'citation');
    assert.equal(idKindOf('evt_nothex!!!!!!!!!!'), null);
  });

  it('hash with SHA-256 (known vector)', () => {
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
