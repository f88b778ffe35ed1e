import Link from 'next/link';
import type { SourceSummary } from '@/lib/model/source';
import { formatPartialDate } from '@/lib/model/partial-date';

const NUMBER = new Intl.NumberFormat('en');

/** The case's sources, linked to the source reader; `total` above what is listed says how many more there are. */
export function SourcesSection({ sources, total = sources.length }: { sources: readonly SourceSummary[]; total?: number }) {
  if (sources.length === 0) return null;
  const more = total - sources.length;
  return (
    <section className="tw-card tw-sources" aria-labelledby="tw-sources-heading">
      <h2 id="tw-sources-heading">Sources in this case</h2>
      <ul className="tw-source-list">
        {sources.map((s) => (
          <li key={s.id}>
            <Link href={`/sources/${encodeURIComponent(s.id)}`} lang={s.language}>
              {s.title}
            </Link>
            <p className="tw-source-meta">
              {s.publisher}
              {s.author ? ` · ${s.author}` : ''} · {s.published ? formatPartialDate(s.published) : 'publication date unknown'}
              {' · '}language: {s.language}
            </p>
            {s.reliabilityNote ? <p className="tw-reliability">{s.reliabilityNote}</p> : null}
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p className="tw-list-meta" data-testid="sources-more">
          The first {NUMBER.format(sources.length)} by title, and {NUMBER.format(more)} more. Each event&rsquo;s and entity&rsquo;s details link to the sources they cite.
        </p>
      ) : null}
    </section>
  );
}
