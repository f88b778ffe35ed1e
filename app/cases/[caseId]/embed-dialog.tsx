'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { Filters } from '@/lib/filters';
import { EMBED_VIEWS, embedIframeHtml, encodeEmbedParams, type EmbedView } from '@/lib/embed/embed-params';
import { formatPublishedAt, type PublicationList, type PublishResult } from '@/lib/embed/publication';
import type { SelectionTarget } from '@/lib/selection';
import type { TimeWindow } from '@/lib/url-state';
import { csrfHeaders } from '../../_lib/csrf';

const VIEW_LABELS: Record<EmbedView, string> = { both: 'Timeline and network', timeline: 'Timeline only', graph: 'Network only' };

/**
 * "Embed": the iframe code and a direct link for what the explorer shows now (focus, window,
 * status filters), live or pinned to a published version (editors can publish the current one
 * here), and PNG/SVG downloads of the same view. A native modal <dialog>: it traps focus and
 * closes on Escape by itself; we focus the code on open and give focus back to the button on close.
 */
export function EmbedDialog({
  caseId,
  caseTitle,
  focus,
  window: timeWindow,
  filters,
}: {
  caseId: string;
  caseTitle: string;
  focus: SelectionTarget | null;
  window: TimeWindow | null;
  filters: Filters;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<EmbedView>('both');
  /** '' for live, else a published version. */
  const [version, setVersion] = useState('');
  const [list, setList] = useState<PublicationList | null>(null);
  const [editor, setEditor] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [copied, setCopied] = useState('');
  const headingId = useId();
  const base = `/api/cases/${encodeURIComponent(caseId)}`;

  useEffect(() => {
    if (!open) return;
    let live = true;
    fetch(`${base}/publications`, { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<PublicationList>) : null))
      .then((body) => {
        if (live && body) setList(body);
      })
      .catch(() => {});
    fetch('/api/auth/session', { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<{ user: { role: string } | null }>) : null))
      .then((s) => {
        if (live) setEditor(s?.user?.role === 'editor' || s?.user?.role === 'admin');
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [open, base]);

  const publish = async () => {
    setPublishing(true);
    try {
      const r = await fetch(`${base}/publications`, { method: 'POST', headers: await csrfHeaders() });
      if (!r.ok) {
        setCopied(`Publishing failed: ${((await r.json().catch(() => null)) as { message?: string } | null)?.message ?? r.statusText}`);
        return;
      }
      const { publication, created } = (await r.json()) as PublishResult;
      setList((l) => ({
        caseId,
        live: publication.version,
        publications: [publication, ...(l?.publications ?? []).filter((p) => p.version !== publication.version)],
      }));
      setVersion(publication.version);
      setCopied(created ? `Published version ${publication.version}; the embed is pinned to it.` : `This content was already published (version ${publication.version}); the embed is pinned to it.`);
    } finally {
      setPublishing(false);
    }
  };

  const origin = typeof globalThis.location === 'undefined' ? '' : globalThis.location.origin;
  const query = encodeEmbedParams({ view, focus, window: timeWindow, filters, version: version || null });
  const src = `${origin}/embed/cases/${encodeURIComponent(caseId)}${query ? `?${query}` : ''}`;
  const code = embedIframeHtml(src, `${caseTitle} — Timeweave`);
  // The downloads draw one view each; "both" offers both.
  const snapshotViews = view === 'both' ? (['timeline', 'graph'] as const) : ([view] as const);
  const snapshotHref = (v: 'timeline' | 'graph', format: 'png' | 'svg') => {
    const q = new URLSearchParams(encodeEmbedParams({ view: 'both', focus: null, window: timeWindow, filters, version: version || null }));
    q.set('view', v);
    q.set('format', format);
    return `${base}/snapshot?${q.toString()}`;
  };

  const show = () => {
    setOpen(true);
    setCopied('');
    dialogRef.current?.showModal();
    codeRef.current?.focus();
    codeRef.current?.select();
  };
  const close = () => dialogRef.current?.close();
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied('Copying is not allowed here: select the text and copy it.');
    }
  };

  return (
    <>
      <button type="button" className="tw-button" ref={openerRef} onClick={show} aria-haspopup="dialog">
        Embed
      </button>
      <dialog
        ref={dialogRef}
        className="tw-embed-dialog"
        aria-labelledby={headingId}
        onClose={() => {
          setOpen(false);
          openerRef.current?.focus();
        }}
      >
        <h2 id={headingId}>Embed this view</h2>
        <p className="tw-view-hint">
          The embed shows the current selection, time window and status filters. It credits the sources, links back here, and lists every
          event with its quotes for readers without JavaScript.
        </p>
        <label className="tw-inline-field">
          Show{' '}
          <select value={view} onChange={(e) => setView(e.target.value as EmbedView)} data-testid="embed-view">
            {EMBED_VIEWS.map((v) => (
              <option key={v} value={v}>
                {VIEW_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="tw-inline-field">
          Version{' '}
          <select value={version} onChange={(e) => setVersion(e.target.value)} data-testid="embed-version-choice">
            <option value="">Live: always the case as it is now</option>
            {(list?.publications ?? []).map((p) => (
              <option key={p.version} value={p.version}>
                Published {formatPublishedAt(p.publishedAt)} by {p.publishedBy}
                {p.version === list?.live ? ' (current)' : ''} — {p.version}
              </option>
            ))}
          </select>
        </label>
        {list && list.live === null ? (
          <p className="tw-view-hint" data-testid="embed-live-only">
            This case holds more than 2,000 events: it is embedded live, showing its events per period (or one by one in a short window), with
            each one a link to its sources here. Pinned versions and static pictures are made for smaller cases, since they copy the whole case.
          </p>
        ) : null}
        <p className="tw-view-hint">
          A published version never changes: an article pinned to it keeps what its readers saw, with a link to the current version
          once the case is edited.
          {editor && list?.live !== null ? (
            <>
              {' '}
              <button type="button" className="tw-button" onClick={publish} disabled={publishing} data-testid="embed-publish">
                Publish current version
              </button>
            </>
          ) : null}
        </p>
        <label className="tw-field">
          <span className="tw-field-label">Iframe code</span>
          <textarea ref={codeRef} readOnly rows={4} value={code} data-testid="embed-code" className="tw-embed-code" />
        </label>
        <label className="tw-field">
          <span className="tw-field-label">Direct link</span>
          <input readOnly value={src} data-testid="embed-link" className="tw-embed-code" />
        </label>
        {list?.live === null ? null : (
          <div className="tw-dialog-actions" role="group" aria-label="Static pictures, for pages that allow no iframes">
            {snapshotViews.map((v) =>
              (['png', 'svg'] as const).map((f) => (
                <a key={`${v}-${f}`} className="tw-button" href={snapshotHref(v, f)} download data-testid={`snapshot-${v}-${f}`}>
                  Download {f.toUpperCase()}
                  {snapshotViews.length > 1 ? ` (${v === 'graph' ? 'network' : 'timeline'})` : ''}
                </a>
              )),
            )}
          </div>
        )}
        <p className="tw-dialog-actions">
          <button type="button" className="tw-button" onClick={() => copy(code, 'Iframe code')}>
            Copy code
          </button>
          <button type="button" className="tw-button" onClick={() => copy(src, 'Link')}>
            Copy link
          </button>
          <a className="tw-button" href={src} target="_blank" rel="noopener">
            Open the embed
          </a>
          <button type="button" className="tw-button" onClick={close}>
            Close
          </button>
        </p>
        <p role="status" className="tw-list-meta">
          {copied}
        </p>
      </dialog>
    </>
  );
}
