import { notFound } from 'next/navigation';
import { getCase } from '@/graph/cases.repo';
import { mayReadCase } from '../../../api/_lib/auth';
import { BenchTimeline } from './bench-timeline';

export const dynamic = 'force-dynamic';

/**
 * The case page's timeline alone, in its aggregating mode, for `npm run bench:client`
 * (scripts/bench-client.ts), which measures it beside vanilla vis-timeline. It exists only when
 * the server runs with TIMEWEAVE_BENCH_PAGES=1 (the bench starts it so); otherwise it is a 404.
 * The case page of a large case (large-case-explorer.tsx) also draws the window's network and
 * details, which would time the page, not the timeline.
 */
export default async function BenchTimelinePage({ params }: { params: Promise<{ caseId: string }> }) {
  if (process.env.TIMEWEAVE_BENCH_PAGES !== '1') notFound();
  const { caseId } = await params;
  const summary = (await mayReadCase(caseId)) ? await getCase(caseId) : null;
  if (!summary) notFound();
  return (
    <section aria-label="Timeline benchmark">
      <h1>Timeline: {summary.title}</h1>
      <BenchTimeline summary={summary} />
    </section>
  );
}
