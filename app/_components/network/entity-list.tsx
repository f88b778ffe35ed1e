'use client';

import { useMemo } from 'react';
import { ENTITY_TYPE_DISPLAY } from '@/lib/views/display';
import { sortNodesForList } from '@/lib/views/graph-elements';
import { networkHighlight, networkModel, type EntitySummary, type NetworkModel } from '@/lib/views/network-views';
import { StatusBadge } from '../status-badge';
import type { ViewProps } from '../view-props';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summaryText(s: EntitySummary | undefined, model: NetworkModel): string {
  const rel = plural(s?.relationships ?? 0, 'relationship', 'relationships');
  if (model.drawing === 'coparticipation') return `${rel}, shares events with ${plural(s?.sharesEventsWith ?? 0, 'entity', 'entities')}`;
  if (model.drawing === 'bipartite') return `${rel}, ${plural(s?.events ?? 0, 'event', 'events')}`;
  return rel;
}

/**
 * The network's text alternative: what the canvas draws, from the same model, so it follows the
 * view (co-participation or bipartite) and focus mode. Every entity with its type and links; in
 * the bipartite view the event nodes too, with their status. Buttons select (and give the network
 * keyboard access); highlight and dimming are the canvas's.
 */
export function EntityList({ view, linked, onSelect, onHover, model: given }: ViewProps & { model?: NetworkModel }) {
  const fallback = useMemo(() => (given ? null : networkModel(view, 'relations')), [given, view]);
  const model = given ?? fallback!;
  const nodes = useMemo(() => sortNodesForList(model.entities), [model.entities]);
  const h = useMemo(() => networkHighlight(linked, model), [linked, model]);

  const meta = model.events.length
    ? `${plural(nodes.length, 'entity', 'entities')}, ${plural(model.events.length, 'event', 'events')}`
    : plural(nodes.length, 'entity', 'entities');
  return (
    <details className="tw-listview" data-testid="network-list">
      <summary>
        List view <span className="tw-list-meta">({meta})</span>
      </summary>
      <ul aria-label="Entities by type">
        {nodes.map((n) => {
          const selected = linked.selected?.kind === 'entity' && linked.selected.id === n.id;
          const dimmed = h.active && !h.nodeIds.has(n.id);
          return (
            <li key={n.id}>
              <button
                type="button"
                className={`tw-list-button${dimmed ? ' tw-dimmed' : ''}`}
                aria-pressed={selected}
                onClick={() => onSelect({ kind: 'entity', id: n.id })}
                onMouseEnter={() => onHover({ kind: 'entity', id: n.id })}
                onMouseLeave={() => onHover(null)}
                onFocus={() => onHover({ kind: 'entity', id: n.id })}
                onBlur={() => onHover(null)}
              >
                <span className="tw-list-title">{n.name}</span>
                <span className="tw-type-tag">{ENTITY_TYPE_DISPLAY[n.type].label}</span>
                <span className="tw-list-meta">{summaryText(model.summaries.get(n.id), model)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {model.events.length ? (
        <>
          <p className="tw-list-group" id="tw-net-events-heading">
            Events drawn as nodes
          </p>
          <ul aria-labelledby="tw-net-events-heading">
            {model.events.map((e) => {
              const selected = linked.selected?.kind === 'event' && linked.selected.id === e.id;
              const dimmed = h.active && !h.nodeIds.has(e.id);
              return (
                <li key={e.id}>
                  <button
                    type="button"
                    className={`tw-list-button${dimmed ? ' tw-dimmed' : ''}`}
                    aria-pressed={selected}
                    onClick={() => onSelect({ kind: 'event', id: e.id })}
                    onMouseEnter={() => onHover({ kind: 'event', id: e.id })}
                    onMouseLeave={() => onHover(null)}
                    onFocus={() => onHover({ kind: 'event', id: e.id })}
                    onBlur={() => onHover(null)}
                  >
                    <span className="tw-list-title">{e.title}</span>
                    <StatusBadge status={e.status} prefix />
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </details>
  );
}
