'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, Neighbourhood } from '@/lib/api/views';
import { neededAnswers, partOf, type NetworkFocus, type ScopePart } from '@/lib/views/network-focus';

export interface NeighbourhoodAnswers {
  /** By answerKey(id, hops); kept for the page's life, so collapsing and expanding again costs nothing. */
  answers: ReadonlyMap<string, ScopePart>;
  /** Keys of the requests that failed, with why, in words. */
  errors: ReadonlyMap<string, string>;
  /** Forgets the failures, so the next render asks again. */
  retry: () => void;
}

/**
 * Fetches the neighbourhood answers (GET /api/entities/{id}/neighbourhood) that focus mode needs
 * and has not got yet, parsed with the API's own schema. Nothing is fetched outside focus mode.
 */
export function useNeighbourhoods(focus: NetworkFocus | null): NeighbourhoodAnswers {
  const [state, setState] = useState<Omit<NeighbourhoodAnswers, 'retry'>>({ answers: new Map(), errors: new Map() });
  const retry = useCallback(() => setState((s) => (s.errors.size ? { ...s, errors: new Map() } : s)), []);
  const inFlight = useRef(new Set<string>());

  useEffect(() => {
    if (!focus) return;
    for (const { key, id, hops } of neededAnswers(focus)) {
      if (state.answers.has(key) || state.errors.has(key) || inFlight.current.has(key)) continue;
      inFlight.current.add(key);
      void fetchNeighbourhood(id, hops)
        .then(
          (n) => setState((s) => ({ ...s, answers: new Map(s.answers).set(key, partOf(n)) })),
          (e: unknown) => setState((s) => ({ ...s, errors: new Map(s.errors).set(key, e instanceof Error ? e.message : String(e)) })),
        )
        .finally(() => inFlight.current.delete(key));
    }
  }, [focus, state]);

  return { ...state, retry };
}

async function fetchNeighbourhood(id: string, hops: 1 | 2): Promise<Neighbourhood> {
  let res: Response;
  try {
    res = await fetch(`/api/entities/${encodeURIComponent(id)}/neighbourhood?hops=${hops}`, { headers: { accept: 'application/json' } });
  } catch {
    throw new Error('the server could not be reached');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const api = ApiError.safeParse(body);
    throw new Error(res.status === 503 ? 'the database is unavailable; try again in a moment' : api.success ? api.data.message : `the server answered ${res.status}`);
  }
  const parsed = Neighbourhood.safeParse(body);
  if (!parsed.success) throw new Error('the server answered with data Timeweave does not understand');
  return parsed.data;
}
