import { idKindOf } from '../model/ids';
import { MAX_EXPANSIONS, type Expansion, type NetworkFocus } from './network-focus';
import { NETWORK_MODES, type NetworkMode } from './network-views';

/**
 * The network's part of the case page URL, beside lib/url-state.ts's (selection, window, lanes,
 * filters): the view, and focus mode with its expansions, so a reload or a shared link shows the
 * same network.
 *
 *   ?net=bipartite&focus=ent_…&expand=ent_…:1&expand=ent_…:2
 *
 * Decoding never trusts the URL: unknown values are dropped (a stale link still opens the case);
 * expansions without a focus mean nothing and are dropped too.
 */

export interface NetworkViewState {
  mode: NetworkMode;
  focus: NetworkFocus | null;
}

export const DEFAULT_NETWORK_STATE: NetworkViewState = { mode: 'coparticipation', focus: null };

export const NETWORK_URL_KEYS = ['net', 'focus', 'expand'] as const;

/** Appends the network state to `q` (defaults are left out, so the plain case URL stays plain). */
export function encodeNetworkState(state: NetworkViewState, q: URLSearchParams = new URLSearchParams()): URLSearchParams {
  if (state.mode !== DEFAULT_NETWORK_STATE.mode) q.set('net', state.mode);
  if (state.focus) {
    q.set('focus', state.focus.centre);
    for (const e of state.focus.expansions) q.append('expand', `${e.id}:${e.hops}`);
  }
  return q;
}

const isEntityId = (v: string | null): v is string => v !== null && idKindOf(v) === 'entity';

export function decodeNetworkState(input: URLSearchParams | string): NetworkViewState {
  const q = typeof input === 'string' ? new URLSearchParams(input) : input;
  const net = q.get('net');
  const mode = (NETWORK_MODES as readonly string[]).includes(net ?? '') ? (net as NetworkMode) : DEFAULT_NETWORK_STATE.mode;
  const centre = q.get('focus');
  if (!isEntityId(centre)) return { mode, focus: null };
  const expansions: Expansion[] = [];
  for (const raw of q.getAll('expand').slice(0, MAX_EXPANSIONS * 2)) {
    const m = /^(.+):([12])$/.exec(raw);
    if (!m || !isEntityId(m[1]!)) continue;
    const id = m[1]!;
    if (expansions.some((e) => e.id === id)) continue;
    expansions.push({ id, hops: m[2] === '2' ? 2 : 1 });
  }
  return { mode, focus: { centre, expansions: expansions.slice(0, MAX_EXPANSIONS) } };
}

export function sameNetworkState(a: NetworkViewState, b: NetworkViewState): boolean {
  return encodeNetworkState(a).toString() === encodeNetworkState(b).toString();
}
