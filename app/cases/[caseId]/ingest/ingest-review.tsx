'use client';

import { csrfHeaders } from '../../../_lib/csrf';
import Link from 'next/link';
import { useMemo, useState, type FormEvent } from 'react';
import type { EntityDecision, EventDecision, ProposalsDocument, RelationDecision, SourceMeta } from '@/lib/ingest/proposals.schema';
import { RELATION_LABELS } from '@/lib/model/vocab';
import type { IngestCommitResult } from '@/lib/ingest/runner';
import styles from './ingest.module.css';
import { EntityPicker } from './entity-picker';

interface Props {
  caseId: string;
  /** The case's entities to merge into; null for a large case, whose entities are searched instead (EntityPicker). */
  entities: Array<{ id: string; name: string; type: string }> | null;
}

type EventState = EventDecision;
type EntityState = EntityDecision;
const STATUSES = ['reported', 'alleged', 'disputed', 'denied'] as const;

/** Paste/upload/URL → proposals → decisions → commit. Every field has a label; decisions are radio groups. */
export function IngestReview({ caseId, entities }: Props) {
  const [doc, setDoc] = useState<ProposalsDocument | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<IngestCommitResult | null>(null);
  const [meta, setMeta] = useState<SourceMeta | null>(null);
  const [events, setEvents] = useState<Record<string, EventState>>({});
  const [ents, setEnts] = useState<Record<string, EntityState>>({});
  const [rels, setRels] = useState<Record<string, RelationDecision>>({});
  const [selected, setSelected] = useState<string | null>(null);

  async function read(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    const text = String(form.get('text') ?? '');
    const url = String(form.get('url') ?? '').trim();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      let res: Response;
      if (file instanceof File && file.size > 0) {
        const body = new FormData();
        body.set('caseId', caseId);
        body.set('file', file);
        res = await fetch('/api/ingest', { method: 'POST', body, headers: await csrfHeaders() });
      } else {
        res = await fetch('/api/ingest', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(await csrfHeaders()) },
          body: JSON.stringify(url && !text.trim() ? { caseId, url } : { caseId, text }),
        });
      }
      const json = await res.json();
      if (!res.ok) throw new Error(json.message ?? `HTTP ${res.status}`);
      const d = json as ProposalsDocument;
      setDoc(d);
      setMeta(d.source.meta);
      setEvents(Object.fromEntries(d.events.map((ev) => [ev.key, { key: ev.key, decision: 'accept' }])));
      setEnts(Object.fromEntries(d.entities.map((en) => [en.key, { key: en.key, decision: 'accept' }])));
      setRels(Object.fromEntries((d.relations ?? []).map((r) => [r.key, { key: r.key, decision: 'accept' }])));
      setSelected(d.events[0]?.key ?? null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!doc || !meta) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/ingest/commit', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await csrfHeaders()) },
        body: JSON.stringify({ document: doc, decisions: { meta, events: Object.values(events), entities: Object.values(ents), relations: Object.values(rels) } }),
      });
      const json = await res.json();
      if (!res.ok) throw new Error(json.message ?? `HTTP ${res.status}`);
      setResult(json as IngestCommitResult);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const selectedQuotes = useMemo(() => {
    if (!doc || !selected) return [];
    const ev = doc.events.find((x) => x.key === selected);
    if (ev) return ev.citations.map((c) => [c.start, c.end] as const);
    const rel = doc.relations.find((x) => x.key === selected);
    if (rel) return [[rel.citation.start, rel.citation.end] as const];
    const en = doc.entities.find((x) => x.key === selected);
    return en ? en.mentions.map((m) => [m.start, m.end] as const) : [];
  }, [doc, selected]);

  const accepted = Object.values(events).filter((e) => e.decision === 'accept').length;

  return (
    <>
      <form className={styles.form} onSubmit={read} aria-labelledby="ingest-input-heading">
        <h2 id="ingest-input-heading">1. The article</h2>
        <div>
          <label htmlFor="ingest-text">Article text (plain text, Markdown or HTML)</label>
          <textarea id="ingest-text" name="text" placeholder="Paste the article here…" />
        </div>
        <div className={styles.row}>
          <div>
            <label htmlFor="ingest-file">Or upload a file (.txt, .md, .html or a PDF with a text layer; up to 2 MB)</label>
            <input id="ingest-file" name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf" />
          </div>
          <div>
            <label htmlFor="ingest-url">Or a URL (fetched by the server)</label>
            <input id="ingest-url" name="url" type="url" placeholder="https://…" />
          </div>
        </div>
        <div className={styles.actions}>
          <button className="tw-button" type="submit" disabled={busy}>
            {busy && !doc ? 'Reading…' : 'Read the article'}
          </button>
        </div>
      </form>

      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}

      {result ? (
        <div className={styles.success} role="status">
          <p>{result.message}</p>
          <p>
            <Link href={`/cases/${encodeURIComponent(caseId)}`}>Back to the case</Link>
          </p>
        </div>
      ) : null}

      {doc && meta ? (
        <section aria-labelledby="ingest-review-heading">
          <h2 id="ingest-review-heading">2. Review</h2>
          {doc.warnings.length ? (
            <ul className={styles.warnings} aria-label="Warnings">
              {doc.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          <fieldset className={styles.card}>
            <legend>Source</legend>
            <div className={styles.row}>
              {(['title', 'publisher', 'author', 'published', 'language', 'timeZone'] as const).map((k) => (
                <div className={styles.field} key={k}>
                  <label htmlFor={`meta-${k}`}>{{ title: 'Title', publisher: 'Publisher', author: 'Author', published: 'Published (YYYY-MM-DD)', language: 'Language', timeZone: 'Time zone' }[k]}</label>
                  <input
                    id={`meta-${k}`}
                    value={meta[k] ?? ''}
                    onChange={(e) => setMeta({ ...meta, [k]: e.target.value === '' && k !== 'title' && k !== 'publisher' && k !== 'language' ? null : e.target.value })}
                  />
                </div>
              ))}
            </div>
            <p className={styles.meta}>
              Extractor: {doc.extractor} · content hash {doc.source.contentHash.slice(0, 12)}… · {doc.source.furniture.length} furniture span(s), never cited
            </p>
          </fieldset>

          <div className={styles.layout}>
            <div>
              <h3 id="ingest-text-heading">Text</h3>
              <div className={styles.text} aria-labelledby="ingest-text-heading" tabIndex={0} lang={meta.language}>
                <HighlightedText text={doc.source.text} furniture={doc.source.furniture} marks={selectedQuotes} />
              </div>
            </div>
            <div>
              <h3>Events ({doc.events.length})</h3>
              {doc.events.map((ev) => {
                const st = events[ev.key]!;
                const set = (patch: Partial<EventState>) => setEvents({ ...events, [ev.key]: { ...st, ...patch } });
                const statusChanged = st.status !== undefined && st.status !== ev.status;
                return (
                  <article key={ev.key} className={styles.card} data-decision={st.decision} data-selected={selected === ev.key} data-testid="event-proposal" onFocus={() => setSelected(ev.key)} onMouseEnter={() => setSelected(ev.key)}>
                    <fieldset className={styles.decision}>
                      <legend>Event: {ev.title}</legend>
                      {(['accept', 'reject'] as const).map((d) => (
                        <label key={d}>
                          <input type="radio" name={`ev-${ev.key}`} value={d} checked={st.decision === d} onChange={() => set({ decision: d })} /> {d === 'accept' ? 'Accept' : 'Reject'}
                        </label>
                      ))}
                    </fieldset>
                    <p className={styles.meta}>
                      <span className={styles.badge}>{ev.kind}</span>
                      <span className={styles.badge} data-status={st.status ?? ev.status}>{st.status ?? ev.status}</span>
                      {ev.dateBasis === 'publication' ? 'date: publication month (no date in the sentence)' : ev.dateEvidence.length ? `date from “${ev.dateEvidence.join('”, “')}”` : `date carried from context`}
                    </p>
                    {ev.citations.map((c) => (
                      <blockquote key={c.start} className={styles.quote} lang={meta.language}>
                        «{c.quote}» <span className={styles.meta}>— {c.assertedBy.name} ({c.stance}{c.hedges.length ? `; hedges: ${c.hedges.join(', ')}` : ''})</span>
                      </blockquote>
                    ))}
                    <div className={styles.row}>
                      <div className={styles.field}>
                        <label htmlFor={`t-${ev.key}`}>Title</label>
                        <input id={`t-${ev.key}`} value={st.title ?? ev.title} onChange={(e) => set({ title: e.target.value })} />
                      </div>
                      <div className={styles.field}>
                        <label htmlFor={`d-${ev.key}`}>Start</label>
                        <input id={`d-${ev.key}`} value={st.start ?? ev.start} onChange={(e) => set({ start: e.target.value })} />
                      </div>
                      <div className={styles.field}>
                        <label htmlFor={`s-${ev.key}`}>Status</label>
                        <select id={`s-${ev.key}`} value={st.status ?? ev.status} onChange={(e) => set({ status: e.target.value as (typeof STATUSES)[number] })}>
                          {STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {s}
                            </option>
                          ))}
                        </select>
                      </div>
                    </div>
                    {statusChanged ? (
                      <div className={styles.field}>
                        <label htmlFor={`r-${ev.key}`}>Why the status differs from the rule ({ev.status}: {ev.statusRule})</label>
                        <input id={`r-${ev.key}`} required value={st.statusReason ?? ''} onChange={(e) => set({ statusReason: e.target.value })} />
                      </div>
                    ) : null}
                  </article>
                );
              })}
              <h3>Entities ({doc.entities.length})</h3>
              {doc.entities.map((en) => {
                const st = ents[en.key]!;
                const set = (patch: Partial<EntityState>) => setEnts({ ...ents, [en.key]: { ...st, ...patch } });
                return (
                  <article key={en.key} className={styles.card} data-decision={st.decision} data-testid="entity-proposal" onFocus={() => setSelected(en.key)} onMouseEnter={() => setSelected(en.key)}>
                    <fieldset className={styles.decision}>
                      <legend>
                        {en.action === 'link' ? 'Existing' : 'New'} {en.type}: {en.name}
                      </legend>
                      {(['accept', 'reject', 'merge'] as const).map((d) =>
                        d === 'merge' && en.action === 'link' ? null : (
                          <label key={d}>
                            <input type="radio" name={`en-${en.key}`} value={d} checked={st.decision === d} onChange={() => set({ decision: d })} /> {d === 'accept' ? (en.action === 'link' ? 'Link' : 'Create') : d === 'reject' ? 'Reject' : 'Merge into…'}
                          </label>
                        ),
                      )}
                    </fieldset>
                    <p className={styles.meta}>
                      as written: {en.mentions.map((m) => m.text).join(', ')} · matched by {en.how}
                    </p>
                    {st.decision === 'merge' ? (
                      <div className={styles.field}>
                        <label htmlFor={`m-${en.key}`}>Same as</label>
                        {entities ? (
                          <select id={`m-${en.key}`} value={st.mergeInto ?? ''} onChange={(e) => set({ mergeInto: e.target.value || undefined })}>
                            <option value="">— choose an entity of the case —</option>
                            {entities.map((x) => (
                              <option key={x.id} value={x.id}>
                                {x.name} ({x.type})
                              </option>
                            ))}
                          </select>
                        ) : (
                          <EntityPicker caseId={caseId} id={`m-${en.key}`} value={st.mergeInto} onChange={(mergeInto) => set({ mergeInto })} />
                        )}
                      </div>
                    ) : null}
                  </article>
                );
              })}
              <h3>Relationships ({doc.relations.length})</h3>
              {doc.relations.length === 0 ? <p className={styles.meta}>No relationship between two names was read with a clear pattern.</p> : null}
              {doc.relations.map((r) => {
                const st = rels[r.key]!;
                const nameOf = (key: string) => doc.entities.find((e) => e.key === key)?.name ?? key;
                const endRejected = ents[r.fromKey]?.decision === 'reject' || ents[r.toKey]?.decision === 'reject';
                return (
                  <article key={r.key} className={styles.card} data-decision={endRejected ? 'reject' : st.decision} data-selected={selected === r.key} data-testid="relation-proposal" onFocus={() => setSelected(r.key)} onMouseEnter={() => setSelected(r.key)}>
                    <fieldset className={styles.decision}>
                      <legend>
                        Relationship: {nameOf(r.fromKey)} — {RELATION_LABELS[r.type]} — {nameOf(r.toKey)}
                      </legend>
                      {(['accept', 'reject'] as const).map((d) => (
                        <label key={d}>
                          <input type="radio" name={`rel-${r.key}`} value={d} checked={st.decision === d} onChange={() => setRels({ ...rels, [r.key]: { key: r.key, decision: d } })} /> {d === 'accept' ? 'Accept' : 'Reject'}
                        </label>
                      ))}
                    </fieldset>
                    <p className={styles.meta}>
                      read from “{r.cue}”{endRejected ? ' · dropped on commit: one of its entities is rejected' : ''}
                    </p>
                    <blockquote className={styles.quote} lang={meta.language}>
                      «{r.citation.quote}» <span className={styles.meta}>— {r.citation.assertedBy.name} ({r.citation.stance})</span>
                    </blockquote>
                  </article>
                );
              })}
            </div>
          </div>
          <div className={styles.actions}>
            <button className="tw-button" type="button" onClick={commit} disabled={busy || !!result}>
              {busy ? 'Committing…' : `Commit ${accepted} event(s)`}
            </button>
            {doc.alreadyIngested ? <span role="note">This text is already in the case: committing changes nothing.</span> : null}
          </div>
        </section>
      ) : null}
    </>
  );
}

function HighlightedText({ text, furniture, marks }: { text: string; furniture: ProposalsDocument['source']['furniture']; marks: ReadonlyArray<readonly [number, number]> }) {
  const cuts = new Set<number>([0, text.length]);
  for (const f of furniture) (cuts.add(f.start), cuts.add(f.end));
  for (const [s, e] of marks) (cuts.add(s), cuts.add(e));
  const points = [...cuts].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    const piece = text.slice(s, e);
    const isMark = marks.some(([a, b]) => s >= a && e <= b);
    const isFurniture = furniture.some((f) => s >= f.start && e <= f.end);
    parts.push(
      isMark ? (
        <mark key={s} className={styles.mark}>
          {piece}
        </mark>
      ) : isFurniture ? (
        <span key={s} className={styles.furniture} title="page furniture: never evidence">
          {piece}
        </span>
      ) : (
        <span key={s}>{piece}</span>
      ),
    );
  }
  return <>{parts}</>;
}
