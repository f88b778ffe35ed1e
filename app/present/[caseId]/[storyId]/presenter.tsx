'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseView } from '@/lib/api/views';
import type { EventStatus } from '@/lib/model/vocab';
import type { Linked, SelectionTarget } from '@/lib/selection';
import type { TimeWindow } from '@/lib/url-state';
import type { QuoteView } from '@/lib/views/quotes';
import { CompactLegend } from '../../../_components/compact-legend';
import { QuoteBlock } from '../../../_components/evidence/quote-block';
import { StatusBadge } from '../../../_components/status-badge';

const TimelineCanvas = dynamic(() => import('../../../_components/timeline/timeline-canvas').then((m) => m.TimelineCanvas), {
  ssr: false,
  loading: () => <p className="tw-loading tw-canvas tw-canvas-timeline">Loading the timeline…</p>,
});
const NetworkCanvas = dynamic(() => import('../../../_components/network/network-canvas').then((m) => m.NetworkCanvas), {
  ssr: false,
  loading: () => <p className="tw-loading tw-canvas tw-canvas-network">Loading the network…</p>,
});

export interface PresenterStep {
  title: string;
  text: string;
  window: TimeWindow | null;
  eventIds: string[];
  entityIds: string[];
  focusLabels: Array<{ id: string; name: string; status: EventStatus | null }>;
  quotes: QuoteView[];
}

const noop = () => {};

/** What a step lights up: its events and entities, plus the participants of its events. */
function stepHighlight(step: PresenterStep, view: CaseView): Linked {
  const eventIds = new Set(step.eventIds);
  const entityIds = new Set(step.entityIds);
  for (const p of view.graph.participations) {
    if (eventIds.has(p.eventId)) entityIds.add(p.entityId);
  }
  const edgeIds = new Set(view.graph.edges.filter((e) => entityIds.has(e.source) && entityIds.has(e.target)).map((e) => e.id));
  const first: SelectionTarget | null = step.eventIds[0]
    ? { kind: 'event', id: step.eventIds[0] }
    : step.entityIds[0]
      ? { kind: 'entity', id: step.entityIds[0] }
      : null;
  return { selected: null, focus: first, eventIds, entityIds, edgeIds };
}

/**
 * The presentation: ← → (and PageUp/PageDown, Home/End) or the on-screen buttons move between
 * steps; each step sets the timeline's window and highlights its events and entities in both views;
 * its citations open in place. Keys typed inside a canvas or a form field are left to them.
 */
export function Presenter({
  caseId,
  caseTitle,
  storyTitle,
  view,
  steps,
  initialStep,
}: {
  caseId: string;
  caseTitle: string;
  storyTitle: string;
  view: CaseView;
  steps: PresenterStep[];
  initialStep: number;
}) {
  const [index, setIndex] = useState(initialStep);
  const [showGraph, setShowGraph] = useState(true);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const step = steps[index]!;
  const linked = useMemo(() => stepHighlight(step, view), [step, view]);

  const go = useCallback(
    (to: number) => {
      const next = Math.max(0, Math.min(steps.length - 1, to));
      moved.current = true;
      setIndex(next);
    },
    [steps.length],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target as HTMLElement | null;
      if (t?.closest('input, textarea, select, [contenteditable="true"], .tw-canvas, .vis-timeline')) return;
      const moves: Record<string, number> = { ArrowRight: index + 1, PageDown: index + 1, ArrowLeft: index - 1, PageUp: index - 1, Home: 0, End: steps.length - 1 };
      const to = moves[e.key];
      if (to === undefined) return;
      e.preventDefault();
      go(to);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [index, steps.length, go]);

  // Keep the step in the URL (reload and shared links land on it), without new history entries.
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set('step', String(index + 1));
    window.history.replaceState(null, '', url);
  }, [index]);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void rootRef.current?.requestFullscreen?.().catch(() => {});
  };

  return (
    <div className="tw-present" ref={rootRef}>
      <header className="tw-present-bar">
        <p className="tw-present-story">
          <span className="sr-only">Presentation: </span>
          {storyTitle}
        </p>
        <nav className="tw-present-nav" aria-label="Steps">
          <button type="button" className="tw-button tw-present-button" onClick={() => go(index - 1)} disabled={index === 0}>
            ← Previous
          </button>
          <p className="tw-present-progress" aria-live="polite" aria-atomic="true" data-testid="present-progress">
            Step {index + 1} of {steps.length}
          </p>
          <button type="button" className="tw-button tw-present-button" onClick={() => go(index + 1)} disabled={index === steps.length - 1}>
            Next →
          </button>
        </nav>
        <div className="tw-present-meter" aria-hidden="true">
          <span style={{ width: `${((index + 1) / steps.length) * 100}%` }} />
        </div>
      </header>

      <div className="tw-present-body">
        <section className="tw-present-step" aria-labelledby="tw-step-title">
          <h1 id="tw-step-title" ref={headingRef} tabIndex={-1}>
            {step.title}
          </h1>
          {step.text.split(/\n\s*\n/).map((para, i) => (
            <p key={i} className="tw-present-text">
              {para}
            </p>
          ))}
          {step.focusLabels.length > 0 ? (
            <ul className="tw-present-focus" aria-label="This step is about">
              {step.focusLabels.map((f) => (
                <li key={f.id}>
                  {f.name} {f.status ? <StatusBadge status={f.status} prefix /> : null}
                </li>
              ))}
            </ul>
          ) : null}
          <section className="tw-present-evidence" aria-labelledby="tw-evidence-heading">
            <h2 id="tw-evidence-heading">Evidence ({step.quotes.length})</h2>
            {step.quotes.map((q) => (
              <details key={`${index}-${q.id}`} className="tw-present-citation">
                <summary>
                  <span lang={q.language}>“{q.quote.length > 90 ? `${q.quote.slice(0, 88)}…` : q.quote}”</span>{' '}
                  <span className="tw-list-meta">({q.attribution})</span>
                </summary>
                <QuoteBlock q={q} />
              </details>
            ))}
          </section>
        </section>

        <div className="tw-present-views">
          <CompactLegend />
          <section aria-label="Timeline">
            <TimelineCanvas view={view} linked={linked} onSelect={noop} onHover={noop} lanes={null} window={step.window} onWindowChange={noop} />
          </section>
          <label className="tw-check">
            <input type="checkbox" checked={showGraph} onChange={(e) => setShowGraph(e.target.checked)} />
            <span>Show the network</span>
          </label>
          {showGraph ? (
            <section aria-label="Network">
              <NetworkCanvas view={view} linked={linked} onSelect={noop} onHover={noop} />
            </section>
          ) : null}
        </div>
      </div>

      <footer className="tw-present-foot">
        <button type="button" className="tw-button" onClick={toggleFullscreen}>
          Full screen
        </button>
        <a href={`/cases/${encodeURIComponent(caseId)}`}>Explore “{caseTitle}”</a>
        <span className="tw-list-meta">Keys: ← → to move, Home/End for the first and last step.</span>
      </footer>
    </div>
  );
}
