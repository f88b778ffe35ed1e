import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeExploreState, DEFAULT_EXPLORE_STATE, decodeExploreState } from '../../../lib/url-state';
import { DEFAULT_NETWORK_STATE, decodeNetworkState, encodeNetworkState, sameNetworkState, type NetworkViewState } from '../../../lib/views/network-url-state';

const A = 'ent_0123456789abcdef';
const B = 'ent_fedcba9876543210';

describe('network state in the URL', () => {
  it('round-trips view, focus and expansions', () => {
    const s: NetworkViewState = { mode: 'bipartite', focus: { centre: A, expansions: [{ id: B, hops: 2 }, { id: A, hops: 1 }] } };
    const q = encodeNetworkState(s).toString();
    assert.equal(q, `net=bipartite&focus=${A}&expand=${B}%3A2&expand=${A}%3A1`);
    assert.deepEqual(decodeNetworkState(q), s);
  });

  it('the default is the plain URL', () => {
    assert.equal(encodeNetworkState(DEFAULT_NETWORK_STATE).toString(), '');
    assert.deepEqual(decodeNetworkState(''), DEFAULT_NETWORK_STATE);
  });

  it('lives beside the rest of the case page state without disturbing it', () => {
    const explore = { ...DEFAULT_EXPLORE_STATE, lanes: 'kind' as const };
    const q = encodeNetworkState({ mode: 'bipartite', focus: null }, new URLSearchParams(encodeExploreState(explore))).toString();
    assert.deepEqual(decodeExploreState(q), explore);
    assert.equal(decodeNetworkState(q).mode, 'bipartite');
  });

  it('drops what it does not understand', () => {
    assert.deepEqual(decodeNetworkState('net=3d&focus=evt_0123456789abcdef&expand=' + B + ':1'), DEFAULT_NETWORK_STATE, 'an event cannot be a focus; expansions need a focus');
    const s = decodeNetworkState(`focus=${A}&expand=${B}:3&expand=nope:1&expand=${B}:2&expand=${B}:1`);
    assert.deepEqual(s.focus, { centre: A, expansions: [{ id: B, hops: 2 }] }, 'bad hops and ids dropped; the first of duplicates kept');
  });

  it('bounds the number of expansions', () => {
    const many = Array.from({ length: 100 }, (_, i) => `expand=ent_${i.toString(16).padStart(16, '0')}:1`).join('&');
    assert.equal(decodeNetworkState(`focus=${A}&${many}`).focus!.expansions.length, 20);
  });

  it('compares by what it encodes', () => {
    assert.ok(sameNetworkState({ mode: 'coparticipation', focus: null }, DEFAULT_NETWORK_STATE));
    assert.ok(!sameNetworkState({ mode: 'bipartite', focus: null }, DEFAULT_NETWORK_STATE));
  });
});
