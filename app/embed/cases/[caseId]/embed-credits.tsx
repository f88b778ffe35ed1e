import { formatPartialDate } from '@/lib/model/partial-date';
import type { SourceSummary } from '@/lib/model/source';

const NUMBER = new Intl.NumberFormat('en');

/**
 * Every embed's footer: the sources it credits (publisher, title, date), the count of those not
 * named (a large case's embed names the first few), and the way back to the case on Timeweave.
 */
export function EmbedCredits({
  sources,
  more = 0,
  caseUrl,
}: {
  sources: ReadonlyArray<Pick<SourceSummary, 'id' | 'publisher' | 'title' | 'language' | 'published'>>;
  more?: number;
  caseUrl: string;
}) {
  return (
    <footer className="tw-embed-foot">
      <p className="tw-embed-credit" data-testid="embed-credit">
        <span className="tw-field-label">Sources: </span>
        {sources.map((s, i) => (
          <span key={s.id}>
            {i > 0 ? '; ' : ''}
            {s.publisher}, <cite lang={s.language}>{s.title}</cite>
            {s.published ? ` (${formatPartialDate(s.published)})` : ''}
          </span>
        ))}
        {more > 0 ? `; and ${NUMBER.format(more)} more, listed on Timeweave` : ''}
      </p>
      <p>
        <a className="tw-embed-back" href={caseUrl} target="_blank" rel="noopener">
          View on Timeweave
        </a>
      </p>
    </footer>
  );
}
