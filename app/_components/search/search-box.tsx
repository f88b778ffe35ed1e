'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, SearchResults, type SearchHit } from '@/lib/api/views';
import { MAX_QUERY_LENGTH } from '@/lib/search/lucene';
import type { SelectionTarget } from '@/lib/selection';

type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'done'; query: string; hits: SearchHit[] }
  | { status: 'error'; query: string; message: string };

interface Props {
  caseId: string;
  onSelect: (target: SelectionTarget) => void;
  /** Whether a target is shown by the current filters; hidden ones say so in their result. */
  isVisible: (target: SelectionTarget) => boolean;
}

const DEBOUNCE_MS = 250;

/**
 * Full-text search over the case (GET /api/search). Results are buttons that select their item,
 * so they work with a keyboard and read well to a screen reader; the count is announced politely.
 * Arrow Down from the field moves to the first result; Escape in the field clears it.
 */
export function SearchBox({ caseId, onSelect, isVisible }: Props) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const listRef = useRef<HTMLOListElement>(null);
  const inputId = useId();
  const statusId = useId();

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: 'loading', query: q });
      searchCase(caseId, q, controller.signal).then(
        (hits) => setState({ status: 'done', query: q, hits }),
        (e: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'error', query: q, message: e instanceof Error ? e.message : 'Search failed.' });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [caseId, query]);

  const focusResult = (index: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button');
    if (buttons && buttons.length) buttons[Math.max(0, Math.min(index, buttons.length - 1))]!.focus();
  };

  return (
    <section role="search" aria-label="Search this case" className="tw-search">
      <form className="tw-search-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={inputId}>Search names, events and quotes</label>
        <input
          id={inputId}
          type="search"
          className="tw-search-input"
          value={query}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. CSTO, ОДКБ, Tokayev"
          aria-describedby={statusId}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusResult(0);
            } else if (e.key === 'Escape' && query) {
              // Clears the field only; the page's Escape (clear selection) must not fire too.
              e.preventDefault();
              setQuery('');
            }
          }}
        />
      </form>
      <p id={statusId} className="tw-search-status" aria-live="polite">
        {statusText(state)}
      </p>
      {state.status === 'done' && state.hits.length > 0 ? (
        <ol
          ref={listRef}
          className="tw-search-results"
          aria-label={`Results for ${state.query}`}
          onKeyDown={(e) => {
            const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusResult(at + 1);
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              if (at <= 0) document.getElementById(inputId)?.focus();
              else focusResult(at - 1);
            }
          }}
        >
          {state.hits.map((hit) => (
            <li key={`${hit.kind}:${hit.id}`}>
              <SearchResult hit={hit} onSelect={onSelect} hidden={hit.target ? !isVisible(hit.target) : false} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function SearchResult({ hit, onSelect, hidden }: { hit: SearchHit; onSelect: Props['onSelect']; hidden: boolean }) {
  const body = (
    <>
      <span className="tw-search-label">{hit.label}</span>
      <span className="tw-search-what">
        {hit.what}
        {hidden ? ' · hidden by filters' : ''}
      </span>
      {hit.snippet ? <Snippet text={hit.snippet} match={hit.match} /> : null}
    </>
  );
  const target = hit.target;
  if (!target) return <div className="tw-search-hit">{body}</div>;
  return (
    <button type="button" className="tw-search-hit" data-kind={hit.kind} onClick={() => onSelect(target)}>
      {body}
    </button>
  );
}

function Snippet({ text, match }: { text: string; match: SearchHit['match'] }) {
  if (!match) return <span className="tw-search-snippet">{text}</span>;
  return (
    <span className="tw-search-snippet">
      {text.slice(0, match.start)}
      <mark>{text.slice(match.start, match.end)}</mark>
      {text.slice(match.end)}
    </span>
  );
}

function statusText(state: SearchState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'loading':
      return 'Searching…';
    case 'error':
      return state.message;
    case 'done':
      return state.hits.length === 0
        ? `Nothing found for “${state.query}”.`
        : `${state.hits.length} ${state.hits.length === 1 ? 'result' : 'results'} for “${state.query}”.`;
  }
}

async function searchCase(caseId: string, q: string, signal: AbortSignal): Promise<SearchHit[]> {
  let res: Response;
  try {
    res = await fetch(`/api/search?${new URLSearchParams({ caseId, q })}`, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new Error('The server could not be reached.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 503) throw new Error('Search is unavailable while the database is down.');
    const api = ApiError.safeParse(body);
    throw new Error(api.success ? api.data.message : `Search failed (${res.status}).`);
  }
  const parsed = SearchResults.safeParse(body);
  if (!parsed.success) throw new Error('The server answered with results Timeweave does not understand.');
  return parsed.data.hits;
}
