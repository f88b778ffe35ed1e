'use client';

import { useEffect, useRef, useState } from 'react';
import type { CaseView, EntityDetail, EventDetail } from '@/lib/api/views';
import { formatPartialDate, formatRange } from '@/lib/model/partial-date';
import { RELATION_LABELS } from '@/lib/model/vocab';
import type { SelectionTarget } from '@/lib/selection';
import { ENTITY_TYPE_DISPLAY } from '@/lib/views/display';
import { evidenceNotes } from '@/lib/views/evidence';
import { dateLabelOf } from '@/lib/views/timeline-items';
import { StatusBadge } from '../status-badge';
import { CitationCard } from './citation-card';
import './provenance.css';
import { DetailError, fetchDetail, type Detail } from './fetch-detail';

type PanelState =
  | { status: 'idle' }
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; detail: Detail }
  | { status: 'error'; key: string; error: DetailError };

const keyOf = (t: SelectionTarget) => `${t.kind}:${t.id}`;

interface Props {
  target: SelectionTarget | null;
  view: CaseView;
  onSelect: (target: SelectionTarget | null) => void;
}

/**
 * What the sources say about the selected event or entity. Fetched on selection from the read API
 * and parsed with its schemas; each answer is kept for the session so going back is instant.
 */
export function DetailsPanel({ target, view, onSelect }: Props) {
  const [state, setState] = useState<PanelState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const cache = useRef(new Map<string, Detail>());
  const kind = target?.kind;
  const id = target?.id;

  useEffect(() => {
    if (!kind || !id) {
      setState({ status: 'idle' });
      return;
    }
    const t: SelectionTarget = { kind, id };
    const key = keyOf(t);
    const cached = cache.current.get(key);
    if (cached) {
      setState({ status: 'ready', key, detail: cached });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading', key });
    fetchDetail(t, controller.signal).then(
      (detail) => {
        cache.current.set(key, detail);
        setState({ status: 'ready', key, detail });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const e = error instanceof DetailError ? error : new DetailError('server', 'Something went wrong while loading.');
        setState({ status: 'error', key, error: e });
      },
    );
    return () => controller.abort();
  }, [kind, id, attempt]);

  // Until the effect has run for a new target, the previous answer must not pass for this one.
  const current = target ? keyOf(target) : null;
  const shown: PanelState =
    state.status !== 'idle' && state.key === current ? state : current ? { status: 'loading', key: current } : { status: 'idle' };

  return (
    <aside
      id="tw-details"
      className="tw-details"
      aria-labelledby="tw-details-heading"
      aria-live="polite"
      aria-busy={shown.status === 'loading'}
      tabIndex={-1}
    >
      <h2 id="tw-details-heading">Details</h2>
      {shown.status === 'idle' ? (
        <p className="tw-details-empty">
          Select an event on the timeline or an entity in the network (or in their list views) to see what the sources
          say about it, word for word.
        </p>
      ) : shown.status === 'loading' ? (
        <p className="tw-loading">Loading {target?.kind === 'entity' ? 'entity' : 'event'}…</p>
      ) : shown.status === 'error' ? (
        <div className="tw-banner tw-banner-error" role="alert">
          <p className="tw-banner-title">
            {shown.error.kind === 'unavailable' ? 'The database is unavailable.' : 'These details could not be loaded.'}
          </p>
          <p>{shown.error.message}</p>
          {shown.error.kind !== 'not-found' && shown.error.kind !== 'invalid' ? (
            <button type="button" className="tw-button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          ) : null}
        </div>
      ) : shown.detail.kind === 'event' ? (
        <EventDetails event={shown.detail.data} onSelect={onSelect} />
      ) : (
        <EntityDetails entity={shown.detail.data} view={view} onSelect={onSelect} />
      )}
    </aside>
  );
}

function EventDetails({ event, onSelect }: { event: EventDetail; onSelect: Props['onSelect'] }) {
  const notes = evidenceNotes(event.citations);
  return (
    <article aria-labelledby="tw-detail-title">
      <h3 id="tw-detail-title" className="tw-details-title">
        {event.title}
      </h3>
      <p className="tw-meta-line">
        <span className="tw-date">
          <span className="sr-only">Date: </span>
          {formatRange(event.start, event.approximate, event.end, event.endApproximate)}
        </span>
        <StatusBadge status={event.status} prefix />
        <span>{capitalise(event.kind)}</span>
      </p>
      {event.statusReason ? (
        <p className="tw-status-reason">
          <span className="tw-field-label">Why this status</span>
          {event.statusReason}
        </p>
      ) : null}
      <DerivedStatus event={event} />
      {notes.length > 0 ? (
        <ul className="tw-notes" aria-label="About the evidence">
          {notes.map((n) => (
            <li key={n.kind} className="tw-note">
              <span aria-hidden="true">!</span>
              {n.text}
            </li>
          ))}
        </ul>
      ) : null}
      {event.description ? <p>{event.description}</p> : null}

      {event.participants.length > 0 ? (
        <section className="tw-section" aria-labelledby="tw-participants-heading">
          <h4 id="tw-participants-heading">Who took part</h4>
          <ul className="tw-plain-list">
            {event.participants.map((p) => (
              <li key={`${p.entity.id}-${p.role}`}>
                <div className="tw-participant">
                  <button type="button" className="tw-link-button" onClick={() => onSelect({ kind: 'entity', id: p.entity.id })}>
                    {p.entity.name}
                  </button>
                  <span className="tw-type-tag">{ENTITY_TYPE_DISPLAY[p.entity.type].label}</span>
                  <span className="tw-role">as {p.role}</span>
                </div>
                {p.citations.length > 0 ? (
                  <details className="tw-sub-citations">
                    <summary>
                      Evidence for this role ({p.citations.length})
                    </summary>
                    {p.citations.map((c) => (
                      <CitationCard key={c.id} citation={c} />
                    ))}
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="tw-section" aria-labelledby="tw-citations-heading">
        <h4 id="tw-citations-heading">What the sources say ({event.citations.length})</h4>
        {event.citations.map((c) => (
          <CitationCard key={c.id} citation={c} />
        ))}
      </section>
    </article>
  );
}

/** What the rules say, always beside the status shown: an editor's status never hides them. */
function DerivedStatus({ event }: { event: EventDetail }) {
  return (
    <p className="tw-derived-status">
      <span className="tw-field-label">{event.statusSetBy === 'editor' ? 'Set by an editor; the rules say' : 'Status by the rules'}</span>
      {event.derivedStatus ? <StatusBadge status={event.derivedStatus} /> : <strong>none</strong>}
      <span className="tw-role">{event.derivedRule}</span>
    </p>
  );
}

function EntityDetails({ entity, view, onSelect }: { entity: EntityDetail; view: CaseView; onSelect: Props['onSelect'] }) {
  const eventsById = new Map(view.events.map((e) => [e.id, e]));
  return (
    <article aria-labelledby="tw-detail-title">
      <h3 id="tw-detail-title" className="tw-details-title">
        {entity.name}
      </h3>
      <p className="tw-meta-line">
        <span className="tw-type-tag">{ENTITY_TYPE_DISPLAY[entity.type].label}</span>
      </p>
      {entity.aliases.length > 0 ? (
        <p>
          <span className="tw-field-label">Also called</span>
          {entity.aliases.map((a, i) => (
            <span key={`${a.name}-${a.lang ?? ''}`}>
              {i > 0 ? ', ' : ''}
              <span lang={a.lang ?? undefined}>{a.name}</span>
              {a.lang ? <span className="tw-role"> ({a.lang})</span> : null}
            </span>
          ))}
        </p>
      ) : null}
      {entity.description ? <p>{entity.description}</p> : null}

      {entity.events.length > 0 ? (
        <section className="tw-section" aria-labelledby="tw-entity-events-heading">
          <h4 id="tw-entity-events-heading">Events ({entity.events.length})</h4>
          <ul className="tw-plain-list">
            {entity.events.map((e) => {
              const full = eventsById.get(e.id);
              return (
                <li key={`${e.id}-${e.role}`} className="tw-participant">
                  <span className="tw-date">{full ? dateLabelOf(full) : formatPartialDate(e.start)}</span>
                  <button type="button" className="tw-link-button" onClick={() => onSelect({ kind: 'event', id: e.id })}>
                    {e.title}
                  </button>
                  <StatusBadge status={e.status} prefix />
                  <span className="tw-role">as {e.role}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {entity.relations.length > 0 ? (
        <section className="tw-section" aria-labelledby="tw-relations-heading">
          <h4 id="tw-relations-heading">Relationships ({entity.relations.length})</h4>
          <ul className="tw-plain-list">
            {entity.relations.map((r) => (
              <li key={r.id}>
                <div className="tw-participant">
                  <EntityName self={entity.id} entity={r.from} onSelect={onSelect} />
                  <span>{RELATION_LABELS[r.type]}</span>
                  <EntityName self={entity.id} entity={r.to} onSelect={onSelect} />
                  {r.validFrom || r.validTo ? (
                    <span className="tw-role">
                      ({r.validFrom ? `from ${formatPartialDate(r.validFrom)}` : ''}
                      {r.validFrom && r.validTo ? ' ' : ''}
                      {r.validTo ? `until ${formatPartialDate(r.validTo)}` : ''})
                    </span>
                  ) : null}
                </div>
                {r.citations.length > 0 ? (
                  <details className="tw-sub-citations">
                    <summary>Evidence ({r.citations.length})</summary>
                    {r.citations.map((c) => (
                      <CitationCard key={c.id} citation={c} />
                    ))}
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="tw-section" aria-labelledby="tw-mentions-heading">
        <h4 id="tw-mentions-heading">Mentioned in ({entity.citations.length})</h4>
        {entity.citations.length === 0 ? (
          <p className="tw-details-empty">No passage is cited for this entity itself.</p>
        ) : (
          entity.citations.map((c) => <CitationCard key={c.id} citation={c} />)
        )}
      </section>
    </article>
  );
}

function EntityName({
  self,
  entity,
  onSelect,
}: {
  self: string;
  entity: { id: string; name: string };
  onSelect: Props['onSelect'];
}) {
  if (entity.id === self) return <strong>{entity.name}</strong>;
  return (
    <button type="button" className="tw-link-button" onClick={() => onSelect({ kind: 'entity', id: entity.id })}>
      {entity.name}
    </button>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
