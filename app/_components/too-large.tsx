import type { CaseSummary } from '@/lib/api/views';
import { LARGE_TIMELINE_EVENTS } from '@/lib/views/timeline-buckets';

/**
 * Said instead of a page that would load a large case whole (isLargeCase): what the page is for,
 * why it is not offered for this case, and where the case can be explored instead.
 */
export function TooLargeForPage({ summary, what }: { summary: CaseSummary; what: string }) {
  return (
    <p className="tw-banner" role="status" data-testid="too-large">
      This case holds {summary.eventCount.toLocaleString('en')} events. {what} are made for cases of up to{' '}
      {LARGE_TIMELINE_EVENTS.toLocaleString('en')} events, since they load the whole case into the page.{' '}
      <a href={`/cases/${encodeURIComponent(summary.id)}`}>Explore it on its case page</a>, where the timeline and the network load window by window.
    </p>
  );
}
