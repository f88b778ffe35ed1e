import type { TimelineWindow } from '@/lib/api/timeline';
import type { CaseSummary } from '@/lib/api/views';
import type { SourceSummary } from '@/lib/model/source';
import type { EventStatus } from '@/lib/model/vocab';
import type { TimeWindow } from '@/lib/url-state';
import { STATUS_DISPLAY } from '@/lib/views/display';
import { bucketRangeLabel, bucketSummary } from '@/lib/views/timeline-bucket-items';
import { dateLabelOf } from '@/lib/views/timeline-items';
import { CompactLegend } from '../../../_components/compact-legend';
import { StatusBadge } from '../../../_components/status-badge';
import { EmbedCredits } from './embed-credits';

const NUMBER = new Intl.NumberFormat('en');

interface Props {
  summary: CaseSummary;
  /** The embed's window of the case (all of it without one), from the aggregating timeline's query. */
  answer: TimelineWindow;
  /** The first sources by title; the rest are counted. */
  sources: SourceSummary[];
  /** The case page with the embed's state, and the same with a window or a selection instead. */
  caseUrl: (change?: { window?: TimeWindow; selected?: string }) => string;
  /** The embed's highlighted event, if any (`focus=evt_…`): marked when the list shows it. */
  focusId: string | null;
  /** Statuses the embed hides (`hideStatus`), said in words above the list. */
  hiddenStatuses: readonly EventStatus[];
}

/**
 * The embed of a case over LARGE_TIMELINE_EVENTS events. Reading it whole for every reader of an
 * article would not scale (10,000 events made a 33 MB page in 8.8 s), so it shows what the large
 * case page's timeline shows, bounded whatever the case's size: the window's events one by one when
 * at most 300, else their counts per period with each status in words, each a link into the case on
 * Timeweave, where the quotes, the timeline and the network are. Live only: pinning needs a
 * snapshot of the whole case.
 */
export function LargeEmbed({ summary, answer, sources, caseUrl, focusId, hiddenStatuses }: Props) {
  return (
    <article className="tw-embed" aria-labelledby="tw-embed-title" data-large="true">
      <header className="tw-embed-head">
        <h1 id="tw-embed-title">{summary.title}</h1>
        <p className="tw-embed-version" data-testid="embed-version">
          Live: shows the case as it is now. It holds {NUMBER.format(summary.eventCount)} events, more than an embed shows whole; the quotes behind each
          one, the timeline and the network are one click away on Timeweave.
        </p>
      </header>
      <CompactLegend />
      {hiddenStatuses.length ? (
        <p className="tw-embed-focus" data-testid="embed-hidden">
          Not shown: events {hiddenStatuses.map((s) => STATUS_DISPLAY[s].label.toLowerCase()).join(', ')} (the embed&rsquo;s filter).
        </p>
      ) : null}

      <section className="tw-embed-list" aria-labelledby="tw-embed-list-heading">
        {answer.mode === 'events' ? (
          <>
            <h2 id="tw-embed-list-heading">
              Events in date order ({NUMBER.format(answer.events.length)}
              {answer.wider > 0 ? `; ${NUMBER.format(answer.wider)} more dated only to a longer period` : ''})
            </h2>
            <ol>
              {answer.events.map((e) => (
                <li key={e.id} className={e.id === focusId ? 'tw-embed-focused' : undefined} aria-current={e.id === focusId ? 'true' : undefined}>
                  <span className="tw-list-date">{dateLabelOf(e)}</span>{' '}
                  <a href={caseUrl({ selected: e.id })} target="_blank" rel="noopener" className="tw-list-title">
                    {e.title}
                  </a>{' '}
                  <StatusBadge status={e.status} prefix />{' '}
                  <span className="tw-list-meta">
                    ({e.citationCount} {e.citationCount === 1 ? 'citation' : 'citations'})
                  </span>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <>
            <h2 id="tw-embed-list-heading">
              {NUMBER.format(answer.total)} events, counted per period ({answer.buckets.length} periods)
            </h2>
            <ol>
              {answer.buckets.map((b) => (
                <li key={b.start}>
                  <a href={caseUrl({ window: { start: b.start.slice(0, 16), end: b.end.slice(0, 16) } })} target="_blank" rel="noopener">
                    {bucketRangeLabel(b)}
                  </a>
                  : {bucketSummary(b)}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <EmbedCredits sources={sources} more={summary.sourceCount - sources.length} caseUrl={caseUrl()} />
    </article>
  );
}
