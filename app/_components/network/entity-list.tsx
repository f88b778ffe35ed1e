'use client';

import { useMemo } from 'react';
import { ENTITY_TYPE_DISPLAY } from '@/lib/views/display';
import { sortNodesForList } from '@/lib/views/graph-elements';
import type { ViewProps } from '../view-props';

/**
 * The network's text alternative: every entity with its type, and how many relationships it has
 * in the drawing. Buttons select the entity (and give the network keyboard access).
 */
export function EntityList({ view, linked, onSelect, onHover }: ViewProps) {
  const nodes = useMemo(() => sortNodesForList(view.graph.nodes), [view.graph.nodes]);
  const degree = useMemo(() => {
    const d = new Map<string, number>();
    for (const e of view.graph.edges) {
      d.set(e.source, (d.get(e.source) ?? 0) + 1);
      d.set(e.target, (d.get(e.target) ?? 0) + 1);
    }
    return d;
  }, [view.graph.edges]);

  return (
    <details className="tw-listview">
      <summary>
        List view <span className="tw-list-meta">({nodes.length} {nodes.length === 1 ? 'entity' : 'entities'})</span>
      </summary>
      <ul aria-label="Entities by type">
        {nodes.map((n) => {
          const selected = linked.selected?.kind === 'entity' && linked.selected.id === n.id;
          const dimmed = linked.focus !== null && !linked.entityIds.has(n.id);
          const links = degree.get(n.id) ?? 0;
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
                <span className="tw-list-meta">
                  {links} {links === 1 ? 'relationship' : 'relationships'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
