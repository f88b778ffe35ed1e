import { STANCE_LABELS } from '@/lib/views/display';
import type { QuoteView } from '@/lib/views/quotes';

/**
 * One quote as plain HTML (no script needed): the original words, the translation, who speaks and
 * how, and a link to the passage in the source reader. `newTab` for embeds, which live in someone
 * else's page.
 */
export function QuoteBlock({ q, newTab = false }: { q: QuoteView; newTab?: boolean }) {
  const target = newTab ? { target: '_blank', rel: 'noopener' } : {};
  return (
    <figure className={`tw-quote${q.orphaned ? ' tw-orphan' : ''}`} data-citation-id={q.id}>
      <blockquote lang={q.language}>
        <p>{q.quote}</p>
      </blockquote>
      {q.translation ? (
        <p className="tw-translation" lang="en">
          <span className="tw-field-label">Translation: </span>
          {q.translation}
        </p>
      ) : null}
      <figcaption className="tw-quote-meta">
        {q.attribution} <em>({STANCE_LABELS[q.stance]})</em>
        {q.hedges.length > 0 ? <> · hedged: {q.hedges.map((h) => `“${h}”`).join(', ')}</> : null}
        {' · '}
        <a href={`/sources/${encodeURIComponent(q.sourceId)}#${encodeURIComponent(q.id)}`} {...target}>
          {q.publisher}, <cite>{q.sourceTitle}</cite>
        </a>
        {q.orphaned ? ' · orphaned: no longer in the stored text' : null}
      </figcaption>
    </figure>
  );
}
