'use client';

import { useEffect, useState } from 'react';
import { WindowNetwork } from '@/lib/api/large-case';
import type { EventKind, EventStatus } from '@/lib/model/vocab';

export interface WindowNetworkRequest {
  caseId: string;
  /** ISO instants of the window the timeline answered (half-open); null: the whole case. */
  from: string | null;
  to: string | null;
  hideKinds: readonly EventKind[];
  hideStatuses: readonly EventStatus[];
}

// A reader zooming step by step (buttons, a bucket click, then another) gets a timeline answer per
// step: wait this long for the window to settle before asking for its network.
const DEBOUNCE_MS = 250;

/**
 * Loads the network of the timeline's window from GET /api/cases/{id}/network: once per settled
 * window, the previous request aborted, so an old window's answer never replaces a newer one. The
 * last answer stays drawn while the next loads.
 */
export function useWindowNetwork(request: WindowNetworkRequest | null) {
  const [network, setNetwork] = useState<WindowNetwork | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const key = request ? JSON.stringify([request.caseId, request.from, request.to, request.hideKinds, request.hideStatuses]) : null;

  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    const q = new URLSearchParams();
    if (request.from) q.set('from', request.from);
    if (request.to) q.set('to', request.to);
    for (const k of request.hideKinds) q.append('hideKind', k);
    for (const s of request.hideStatuses) q.append('hideStatus', s);
    setLoading(true);
    const load = async () => {
      try {
        const res = await fetch(`/api/cases/${encodeURIComponent(request.caseId)}/network?${q}`, { signal: controller.signal });
        if (!res.ok) throw new Error(`the network could not be loaded (HTTP ${res.status})`);
        const parsed = WindowNetwork.parse(await res.json());
        if (controller.signal.aborted) return;
        setNetwork(parsed);
        setError(null);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e instanceof Error ? e.message : 'the network could not be loaded');
      }
      setLoading(false);
    };
    const timer = setTimeout(() => void load(), DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // key stands for the request's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  return { network, error, loading, retry: () => setAttempt((n) => n + 1) };
}
