import type { CitationView } from '@/lib/api/views';
import { formatPartialDate } from '@/lib/model/partial-date';
import { STANCE_LABELS } from '@/lib/views/display';
import { AttributionChain } from './attribution-chain';

const ASSERTER_KIND_LABELS = {
  outlet: 'outlet',
  person: 'person',
  organisation: 'organisation',
  unnamed: 'unnamed source',
} as const;

/**
 * One citation as a reader needs it to judge the claim: the original words, the translation, who
 * published them, who is finally speaking and through whom, how they put it, and the hedges.
 */
export function CitationCard({ citation: c }: { citation: CitationView }) {
  return (
    <article className={`tw-citation${c.orphaned ? ' tw-orphan' : ''}`} aria-label={`Citation from ${c.source.title}`}>
      {c.orphaned ? (
        <p className="tw-orphan-tag">Orphaned: these words are no longer in the stored text of the source.</p>
      ) : null}
      <blockquote lang={c.language}>
        <p>{c.quote}</p>
      </blockquote>
      {c.translation ? (
        <p className="tw-translation" lang="en">
          <span className="tw-field-label">Translation</span>
          {c.translation}
        </p>
      ) : null}
      <dl>
        <dt>Source</dt>
        <dd>
          <cite lang={c.language}>{c.source.title}</cite>, {c.source.publisher},{' '}
          {c.source.published ? formatPartialDate(c.source.published) : 'date unknown'}
        </dd>
        <dt>Said by</dt>
        <dd>
          {c.assertedBy.name} <span className="tw-role">({ASSERTER_KIND_LABELS[c.assertedBy.kind]})</span>
        </dd>
        <dt>Relayed</dt>
        <dd>
          <AttributionChain links={c.attribution} />
        </dd>
        <dt>Stance</dt>
        <dd>
          <span className={`tw-stance tw-stance-${c.stance}`}>{STANCE_LABELS[c.stance]}</span>
        </dd>
        {c.hedges.length > 0 ? (
          <>
            <dt>Hedges</dt>
            <dd>
              <ul className="tw-hedges" aria-label="Hedging words in the quote">
                {c.hedges.map((h) => (
                  <li key={h} className="tw-hedge">
                    {h}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {c.source.reliabilityNote ? (
        <details className="tw-reliability">
          <summary>About this source</summary>
          <p>{c.source.reliabilityNote}</p>
        </details>
      ) : null}
      <div className="tw-citation-foot">
        {/* The reader scrolls to and flashes the passage; an orphan's entry is in its list of orphans. */}
        <a href={`/sources/${encodeURIComponent(c.sourceId)}#${encodeURIComponent(c.orphaned ? `note-${c.id}` : c.id)}`}>View in source</a>
        {c.source.url ? (
          <a href={c.source.url} rel="noopener noreferrer external" target="_blank">
            Original page<span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : null}
      </div>
    </article>
  );
}
