import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import { getCase } from '@/graph/cases.repo';
import { getSourceReader } from '@/graph/provenance.repo';
import type { SourceDetail } from '@/lib/api/views';
import { SourceIdParam } from '@/lib/api/params';
import { formatPartialDate } from '@/lib/model/partial-date';
import { RELATION_LABELS } from '@/lib/model/vocab';
import { segmentText } from '@/lib/provenance/segments';
import { STANCE_LABELS } from '@/lib/views/display';
import { Breadcrumb } from '../../_components/breadcrumb';
import { AttributionChain } from '../../_components/details/attribution-chain';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from '../../_components/database-unavailable';
import { StatusBadge } from '../../_components/status-badge';
import { mayReadCase } from '../../api/_lib/auth';
import { PassageFocus } from './passage-focus';
import './source-reader.css';

interface Props {
  params: Promise<{ sourceId: string }>;
}

type ReaderCitation = SourceDetail['citations'][number];

const load = cache(async (sourceId: string) => {
  const parsed = SourceIdParam.safeParse({ sourceId });
  if (!parsed.success) return null;
  const source = await getSourceReader(parsed.data.sourceId);
  // A source of a private case the reader may not see is "not found", like a missing one.
  if (!source || !(await mayReadCase(source.caseId))) return null;
  return { source, caseSummary: await getCase(source.caseId) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sourceId } = await params;
  try {
    const found = await load(sourceId);
    return { title: found ? `Source: ${found.source.title}` : 'Source not found' };
  } catch {
    return { title: 'Source' };
  }
}

/**
 * The source reader: the stored text exactly as captured, every cited passage highlighted and
 * numbered, each number leading to what the passage supports. Page furniture is shown but marked
 * as not evidence; orphaned citations (their words are no longer in the text) are listed apart and
 * never highlighted. `#cit_…` in the URL scrolls to and flashes that passage (PassageFocus).
 */
export default async function SourcePage({ params }: Props) {
  const { sourceId } = await params;
  let found: Awaited<ReturnType<typeof load>>;
  try {
    found = await load(sourceId);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return <DatabaseUnavailableBanner what="this source" />;
  }
  if (!found) notFound();
  const { source: s, caseSummary } = found;
  const anchored = s.citations.filter((c) => !c.orphaned);
  const orphans = s.citations.filter((c) => c.orphaned);
  const number = new Map(s.citations.map((c, i) => [c.id, i + 1]));
  const runs = segmentText(s.text, anchored, s.furniture);

  return (
    <>
      <Breadcrumb kase={caseSummary} current="Source" />
      <header className="tw-source-header">
        <p className="tw-kicker">Source</p>
        <h1 lang={s.language}>{s.title}</h1>
        <dl className="tw-source-facts">
          <dt>Publisher</dt>
          <dd>{s.publisher}</dd>
          <dt>Author</dt>
          <dd>{s.author ?? <span className="tw-unknown">not named</span>}</dd>
          <dt>Address</dt>
          <dd>
            {s.url ? (
              <a href={s.url} rel="noopener noreferrer external">
                {s.url}
              </a>
            ) : (
              <span className="tw-unknown">not kept with the text</span>
            )}
          </dd>
          <dt>Language</dt>
          <dd>{s.language}</dd>
          <dt>Published</dt>
          <dd>{s.published ? formatPartialDate(s.published) : <span className="tw-unknown">unknown</span>}</dd>
          <dt>Retrieved</dt>
          <dd>{s.retrieved ? formatPartialDate(s.retrieved) : <span className="tw-unknown">unknown</span>}</dd>
          <dt>Content hash</dt>
          <dd>
            <code className="tw-hash" title="sha256 of the stored text: a new hash means a new version of the text">
              sha256:{s.contentHash}
            </code>
          </dd>
        </dl>
        {s.reliabilityNote ? (
          <div className="tw-reliability-note" role="note" aria-label="About this source">
            <p className="tw-field-label">About this source</p>
            <p>{s.reliabilityNote}</p>
          </div>
        ) : null}
      </header>

      <div className="tw-reader">
        <section className="tw-card tw-reader-text" aria-labelledby="tw-text-heading">
          <h2 id="tw-text-heading">Stored text</h2>
          <p className="tw-reader-help">
            <span className="tw-passage tw-passage-sample">Highlighted</span> passages are cited; the number after each
            leads to what it supports. <span className="tw-furniture tw-furniture-sample">Greyed</span> text is page
            furniture (navigation, captions, links), kept so offsets stay true, never evidence.
          </p>
          <div className="tw-source-text" lang={s.language}>
            {runs.map((r) => renderRun(r, number))}
          </div>
        </section>

        <section className="tw-card tw-reader-notes" aria-labelledby="tw-passages-heading">
          <h2 id="tw-passages-heading">Cited passages ({anchored.length})</h2>
          <ol className="tw-passage-list">
            {anchored.map((c) => (
              <PassageNote key={c.id} c={c} n={number.get(c.id)!} language={s.language} />
            ))}
          </ol>
          {orphans.length > 0 ? (
            <section className="tw-orphans" aria-labelledby="tw-orphans-heading">
              <h3 id="tw-orphans-heading">Orphaned citations ({orphans.length})</h3>
              <p>
                These passages were cited in an earlier version of this text and cannot be found in this one. They are
                kept as they were, not highlighted anywhere, until an editor re-cites or withdraws them.
              </p>
              <ol className="tw-passage-list">
                {orphans.map((c) => (
                  <PassageNote key={c.id} c={c} n={number.get(c.id)!} language={s.language} />
                ))}
              </ol>
            </section>
          ) : null}
        </section>
      </div>
      <PassageFocus />
    </>
  );
}

function renderRun(r: ReturnType<typeof segmentText>[number], number: ReadonlyMap<string, number>): ReactNode {
  const key = `${r.start}`;
  if (r.furniture) {
    return (
      <span key={key} className="tw-furniture" title={`Not evidence: ${r.furniture}`}>
        <span className="sr-only">[Page furniture, not evidence: {r.furniture}] </span>
        {r.text}
      </span>
    );
  }
  if (r.citationIds.length === 0) return <span key={key}>{r.text}</span>;
  const [first, ...alsoStarting] = r.startsHere;
  return (
    <span key={key}>
      {/* A passage may start where another does: each citation keeps its own target id. */}
      {alsoStarting.map((id) => (
        <span key={id} id={id} className="tw-passage-anchor" tabIndex={-1} />
      ))}
      <mark
        id={first}
        className={`tw-passage${r.citationIds.length > 1 ? ' tw-passage-overlap' : ''}`}
        data-citations={r.citationIds.join(' ')}
        tabIndex={first ? -1 : undefined}
      >
        {r.text}
      </mark>
      {r.endsHere.map((id) => (
        <sup key={id} className="tw-noteref">
          <a href={`#note-${id}`} aria-label={`Cited passage ${number.get(id)}: what it supports`}>
            {number.get(id)}
          </a>
        </sup>
      ))}
    </span>
  );
}

function PassageNote({ c, n, language }: { c: ReaderCitation; n: number; language: string }) {
  const { events, entities, participations, relations } = c.supports;
  const nothing = events.length + entities.length + participations.length + relations.length === 0;
  return (
    <li id={`note-${c.id}`} className={`tw-passage-note${c.orphaned ? ' tw-orphan' : ''}`} tabIndex={-1}>
      <p className="tw-passage-head">
        <span className="tw-passage-number" aria-hidden="true">
          {n}
        </span>
        {c.orphaned ? (
          <span className="tw-orphan-tag">Orphaned: not in this version of the text</span>
        ) : (
          <a href={`#${c.id}`} className="tw-show-in-text">
            Show in text<span className="sr-only"> (passage {n})</span>
          </a>
        )}
      </p>
      <blockquote lang={c.language || language}>
        <p>{c.quote}</p>
      </blockquote>
      {c.translation ? (
        <p className="tw-translation" lang="en">
          <span className="tw-field-label">Translation</span>
          {c.translation}
        </p>
      ) : null}
      <dl className="tw-passage-facts">
        <dt>Relayed</dt>
        <dd>
          <AttributionChain links={c.attribution} />
        </dd>
        <dt>Stance</dt>
        <dd>
          <span className={`tw-stance tw-stance-${c.stance}`}>{STANCE_LABELS[c.stance]}</span>
          {c.hedges.length > 0 ? <span className="tw-role"> · hedged: {c.hedges.join(', ')}</span> : null}
        </dd>
      </dl>
      <div className="tw-supports">
        <p className="tw-field-label">Supports</p>
        {nothing ? <p className="tw-unknown">Nothing in this case rests on it.</p> : null}
        <ul className="tw-plain-list">
          {events.map((e) => (
            <li key={e.id}>
              <span className="tw-type-tag">Event</span>{' '}
              <Link href={`/cases/${encodeURIComponent(e.caseId)}?sel=${encodeURIComponent(e.id)}`}>{e.title}</Link>{' '}
              <StatusBadge status={e.status} prefix />
            </li>
          ))}
          {entities.map((x) => (
            <li key={x.id}>
              <span className="tw-type-tag">Entity</span>{' '}
              <Link href={`/cases/${encodeURIComponent(x.caseId)}?sel=${encodeURIComponent(x.id)}`}>{x.name}</Link>
            </li>
          ))}
          {participations.map((p) => (
            <li key={`${p.eventId}-${p.entityId}-${p.role}`}>
              <span className="tw-type-tag">Role</span> {p.entityName} as {p.role} in “{p.eventTitle}”
            </li>
          ))}
          {relations.map((r) => (
            <li key={r.id}>
              <span className="tw-type-tag">Relationship</span> {r.from.name} {RELATION_LABELS[r.type]} {r.to.name}
            </li>
          ))}
        </ul>
      </div>
    </li>
  );
}
