'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { TimelineWindow } from '@/lib/api/timeline';
import type { EventKind, EventStatus } from '@/lib/model/vocab';

/** What the aggregating timeline asks the server for: the case and the filters it can apply. */
export interface RemoteTimeline {
  caseId: string;
  hideKinds: readonly EventKind[];
  hideStatuses: readonly EventStatus[];
}

export interface WindowRequest {
  /** Floating wall-clock minutes ("2022-01-10T00:00"), like the axis; null: the whole case. */
  start: string;
  end: string;
  buckets: number;
}

const DEBOUNCE_MS = 120;

/**
 * Loads windows of a large case from GET /api/cases/{id}/timeline. Requests are debounced (a pan
 * or zoom settles before we ask) and the previous request is aborted, so answers never arrive out
 * of order. The extent comes with the first answer (asked without a window, in `firstBuckets()`
 * buckets) and is kept.
 */
export function useTimelineWindow(remote: RemoteTimeline | null, firstBuckets: () => number) {
  const [answer, setAnswer] = useState<TimelineWindow | null>(null);
  const [extent, setExtent] = useState<TimelineWindow['extent']>(null);
  const [error, setError] = useState<string | null>(null);
  const last = useRef<WindowRequest | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const caseId = remote?.caseId ?? null;
  const filterKey = remote ? [...remote.hideKinds, '|', ...remote.hideStatuses].join(',') : '';

  const firstBucketsRef = useRef(firstBuckets);
  firstBucketsRef.current = firstBuckets;

  const fetchNow = useCallback(
    async (w: WindowRequest | null) => {
      if (!remote) return;
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      const q = new URLSearchParams();
      if (w) {
        // The axis is floating wall-clock; the API's instants are that wall-clock read as UTC.
        q.set('from', `${w.start}Z`);
        q.set('to', `${w.end}Z`);
        q.set('buckets', String(w.buckets));
      } else q.set('buckets', String(firstBucketsRef.current()));
      for (const k of remote.hideKinds) q.append('hideKind', k);
      for (const s of remote.hideStatuses) q.append('hideStatus', s);
      try {
        const res = await fetch(`/api/cases/${encodeURIComponent(remote.caseId)}/timeline?${q}`, { signal: controller.signal });
        if (!res.ok) throw new Error(`the timeline could not be loaded (HTTP ${res.status})`);
        const parsed = TimelineWindow.parse(await res.json());
        if (controller.signal.aborted) return;
        if (parsed.extent) setExtent(parsed.extent);
        setAnswer(parsed);
        setError(null);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e instanceof Error ? e.message : 'the timeline could not be loaded');
      }
    },
    // filterKey stands for the filter lists' contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [caseId, filterKey],
  );

  /** Asks for a window after the debounce delay; a newer request replaces it. */
  const request = useCallback(
    (w: WindowRequest) => {
      last.current = w;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void fetchNow(w), DEBOUNCE_MS);
    },
    [fetchNow],
  );

  // First load (the whole case, with its extent), and again whenever the filters change.
  useEffect(() => {
    if (!caseId) return;
    void fetchNow(last.current);
    return () => {
      inFlight.current?.abort();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [caseId, fetchNow]);

  return { answer, extent, error, request };
}
