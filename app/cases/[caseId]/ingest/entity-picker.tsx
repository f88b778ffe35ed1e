'use client';

import { useEffect, useState } from 'react';
import { SearchResults } from '@/lib/api/views';

const SEARCH_LIMIT = 50;
const DEBOUNCE_MS = 200;

interface Props {
  caseId: string;
  /** The id of the select, which the caller's label names. */
  id: string;
  value: string | undefined;
  onChange: (entityId: string | undefined) => void;
}

/**
 * "Same as" for a large case: its entities are found by name through the case's search
 * (GET /api/search?kind=entity: names and aliases only) instead of all being listed, which at 100,000 entities would be a page of
 * megabytes and a list no one can choose from. Type part of a name (any script, accents ignored);
 * the select then offers the entities that match, best first.
 */
export function EntityPicker({ caseId, id, value, onChange }: Props) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Array<{ id: string; label: string; what: string }>>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ caseId, q, limit: String(SEARCH_LIMIT), kind: 'entity' });
      fetch(`/api/search?${params}`, { signal: controller.signal })
        .then(async (res) => {
          if (!res.ok) throw new Error(`the search failed (HTTP ${res.status})`);
          const hits = SearchResults.parse(await res.json()).hits.filter((h) => h.kind === 'entity');
          setFound(hits.map((h) => ({ id: h.id, label: h.label, what: h.what })));
          setError(null);
        })
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setError(e instanceof Error ? e.message : 'the search failed');
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [caseId, query]);

  const shown = query.trim() ? found : [];
  return (
    <>
      <input
        type="search"
        aria-label="Find an entity of the case by name"
        placeholder="Type a name to find it"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{shown.length ? `— choose one of ${shown.length} matching entities —` : '— type a name above —'}</option>
        {shown.map((x) => (
          <option key={x.id} value={x.id}>
            {x.label} ({x.what})
          </option>
        ))}
      </select>
      {error ? <p role="alert">{error.charAt(0).toUpperCase() + error.slice(1)}.</p> : null}
    </>
  );
}
