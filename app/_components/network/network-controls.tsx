'use client';

import './network.css';
import { NETWORK_MODES, NETWORK_MODE_LABELS, type NetworkMode } from '@/lib/views/network-views';
import type { Hops, NetworkFocus } from '@/lib/views/network-focus';

export interface NetworkControlsProps {
  mode: NetworkMode;
  onMode: (mode: NetworkMode) => void;
  focus: NetworkFocus | null;
  /** Names of entities by id, for the words on the buttons. */
  nameOf: (id: string) => string;
  /** The selected entity, if an entity is selected. */
  selectedEntity: string | null;
  /** Whether the selected entity is drawn in the network now. */
  selectedDrawn: boolean;
  /** In focus mode: how many entities and events are drawn, and the state of the API answers. */
  drawn: { entities: number; events: number };
  loading: boolean;
  truncated: boolean;
  error: string | null;
  /** How many entities and events collapsing the selected entity's expansion would remove. */
  collapseRemoves: number;
  onFocus: (id: string) => void;
  onExpand: (id: string, hops: Hops) => void;
  onCollapse: (id: string) => void;
  onShowWhole: () => void;
  onRetry: () => void;
  /** The views offered (all by default); with one, no choice is shown. */
  modes?: readonly NetworkMode[];
  /** What the network shows out of focus mode, in words: "whole case" by default. */
  unfocused?: string;
}

/**
 * The network's own controls, all plain buttons and radios (keyboard and screen readers):
 * the view (shared events folded into links, or events as nodes), and focus mode: focus the
 * network on the selected entity, expand a drawn entity by 1 or 2 hops, collapse it, and go
 * back to the whole case. What they change is in the URL (lib/views/network-url-state.ts).
 */
export function NetworkControls(p: NetworkControlsProps) {
  const sel = p.selectedEntity;
  const expansion = sel && p.focus ? (p.focus.expansions.find((e) => e.id === sel) ?? null) : null;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const modes = p.modes ?? NETWORK_MODES;
  const unfocused = p.unfocused ?? 'whole case';
  const Unfocused = unfocused.charAt(0).toUpperCase() + unfocused.slice(1);
  return (
    <div className="tw-net-controls">
      {modes.length > 1 ? (
        <fieldset className="tw-net-mode">
          <legend>Network view</legend>
          {modes.map((m) => (
            <label key={m} className="tw-check">
              <input type="radio" name="tw-net-mode" value={m} checked={p.mode === m} onChange={() => p.onMode(m)} data-testid={`net-mode-${m}`} />
              <span>{NETWORK_MODE_LABELS[m]}</span>
            </label>
          ))}
        </fieldset>
      ) : null}

      <div className="tw-net-focus" role="group" aria-labelledby="tw-net-focus-status">
        <p id="tw-net-focus-status" className="tw-view-hint" aria-live="polite" data-testid="net-focus-status">
          {p.focus ? (
            <>
              Focused on <strong>{p.nameOf(p.focus.centre)}</strong>: {plural(p.drawn.entities, 'entity', 'entities')}
              {p.mode === 'bipartite' ? ` and ${plural(p.drawn.events, 'event', 'events')}` : ''}
              {p.focus.expansions.length ? `, ${plural(p.focus.expansions.length, 'expansion', 'expansions')}` : ''}
              {p.loading ? ' (loading…)' : ''}
              {p.truncated ? ' Some neighbourhoods were cut to their nearest items.' : ''}
            </>
          ) : sel ? (
            `${Unfocused}. Focus the network on the selected entity to explore it step by step.`
          ) : (
            `${Unfocused}. Select an entity to focus the network on it and expand it step by step.`
          )}
        </p>
        {p.error ? (
          <p className="tw-net-error" role="alert">
            Could not load a neighbourhood: {p.error}.{' '}
            <button type="button" className="tw-link-button" onClick={p.onRetry}>
              Try again
            </button>
          </p>
        ) : null}
        <div className="tw-toolbar">
          {sel && (!p.focus || (p.focus.centre !== sel && !p.selectedDrawn)) ? (
            <button type="button" className="tw-button" onClick={() => p.onFocus(sel)}>
              Focus network on {p.nameOf(sel)}
            </button>
          ) : null}
          {sel && p.focus && p.selectedDrawn ? (
            <>
              {([1, 2] as const).map((hops) => (
                <button key={hops} type="button" className="tw-button" aria-pressed={expansion?.hops === hops} onClick={() => p.onExpand(sel, hops)}>
                  Expand {p.nameOf(sel)}: {hops} {hops === 1 ? 'hop' : 'hops'}
                </button>
              ))}
              {expansion ? (
                <button type="button" className="tw-button" onClick={() => p.onCollapse(sel)}>
                  Collapse {p.nameOf(sel)}
                  <span className="tw-list-meta">
                    {' '}
                    (removes {p.collapseRemoves})
                  </span>
                </button>
              ) : null}
              {p.focus.centre !== sel ? (
                <button type="button" className="tw-button" onClick={() => p.onFocus(sel)}>
                  Focus here instead
                </button>
              ) : null}
            </>
          ) : null}
          {p.focus ? (
            <button type="button" className="tw-button" onClick={p.onShowWhole}>
              Show {unfocused}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
