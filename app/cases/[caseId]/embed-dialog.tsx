'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { Filters } from '@/lib/filters';
import { EMBED_VIEWS, embedIframeHtml, encodeEmbedParams, type EmbedView } from '@/lib/embed/embed-params';
import type { SelectionTarget } from '@/lib/selection';
import type { TimeWindow } from '@/lib/url-state';

const VIEW_LABELS: Record<EmbedView, string> = { both: 'Timeline and network', timeline: 'Timeline only', graph: 'Network only' };

/**
 * "Embed": the iframe code and a direct link for what the explorer shows now (focus, window,
 * status filters). A native modal <dialog>: it traps focus and closes on Escape by itself; we
 * focus the code on open and give focus back to the button on close.
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
  const [pin, setPin] = useState(false);
  const [version, setVersion] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const headingId = useId();

  useEffect(() => {
    if (!open || version) return;
    let live = true;
    fetch(`/api/cases/${encodeURIComponent(caseId)}/version`)
      .then((r) => (r.ok ? (r.json() as Promise<{ version: string }>) : null))
      .then((body) => {
        if (live && body) setVersion(body.version);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [open, version, caseId]);

  const origin = typeof globalThis.location === 'undefined' ? '' : globalThis.location.origin;
  const query = encodeEmbedParams({ view, focus, window: timeWindow, filters, version: pin ? version : null });
  const src = `${origin}/embed/cases/${encodeURIComponent(caseId)}${query ? `?${query}` : ''}`;
  const code = embedIframeHtml(src, `${caseTitle} — Timeweave`);

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
        <label className="tw-check">
          <input type="checkbox" checked={pin} disabled={!version} onChange={(e) => setPin(e.target.checked)} />
          <span>
            Pin to this version{version ? ` (${version})` : ''}: the embed will say so if the case changes later
          </span>
        </label>
        <label className="tw-field">
          <span className="tw-field-label">Iframe code</span>
          <textarea ref={codeRef} readOnly rows={4} value={code} data-testid="embed-code" className="tw-embed-code" />
        </label>
        <label className="tw-field">
          <span className="tw-field-label">Direct link</span>
          <input readOnly value={src} data-testid="embed-link" className="tw-embed-code" />
        </label>
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
