import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getCase, getCaseView } from '@/graph/cases.repo';
import { isLargeCase } from '@/lib/views/timeline-buckets';
import { NotFoundError } from '@/graph/errors';
import { getCaseBundle } from '@/graph/interchange.repo';
import { getStory } from '@/graph/stories.repo';
import { resolveStep } from '@/lib/stories/story.schema';
import { quoteViews, type QuoteView } from '@/lib/views/quotes';
import { requireCaseRead } from '../../../api/_lib/auth';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from '../../../_components/database-unavailable';
import { TooLargeForPage } from '../../../_components/too-large';
import { Presenter, type PresenterStep } from './presenter';
import '../../../embed/embed.css';
import '../../present.css';

interface Props {
  params: Promise<{ caseId: string; storyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const load = cache(async (caseId: string, storyId: string) => {
  // Access first: a private case's stories are as undisclosed as the case.
  try {
    await requireCaseRead(null, caseId);
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
  const [story, summary] = await Promise.all([getStory(caseId, storyId), getCase(caseId)]);
  if (!story || !summary) return null;
  // A presentation holds the whole case in the page: not for a large one (TooLargeForPage says so).
  if (isLargeCase(summary)) return { large: true as const, story, summary };
  const [view, bundle] = await Promise.all([getCaseView(caseId, summary), getCaseBundle(caseId)]);
  if (!view || !bundle) return null;
  const quotes = quoteViews(bundle);
  const events = new Map(view.events.map((e) => [e.id, e]));
  const entities = new Map(view.graph.nodes.map((n) => [n.id, n]));
  // Only what the case still has: a story written against an older version must not crash or invent.
  const steps: PresenterStep[] = story.steps.map((s) => {
    const r = resolveStep(s, caseId);
    return {
      title: r.title,
      text: r.text,
      window: r.window,
      eventIds: r.eventIds.filter((id) => events.has(id)),
      entityIds: r.entityIds.filter((id) => entities.has(id)),
      focusLabels: [
        ...r.eventIds.flatMap((id) => {
          const e = events.get(id);
          return e ? [{ id, name: e.title, status: e.status }] : [];
        }),
        ...r.entityIds.flatMap((id) => {
          const n = entities.get(id);
          return n ? [{ id, name: n.name, status: null }] : [];
        }),
      ],
      quotes: r.citationIds.flatMap((id) => quotes.get(id) ?? ([] as QuoteView[])),
    };
  });
  return { large: false as const, story, view, steps };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId, storyId } = await params;
  try {
    const found = await load(caseId, storyId);
    return { title: found ? `${found.story.title} (presentation)` : 'Story not found' };
  } catch {
    return { title: 'Presentation' };
  }
}

/**
 * Presentation mode: one story of a case, step by step, full screen, for a class or a projector.
 * Server-rendered with the first step (or `?step=N`); the client moves between steps.
 */
export default async function PresentPage({ params, searchParams }: Props) {
  const { caseId, storyId } = await params;
  const stepParam = Number((await searchParams).step);
  let found: Awaited<ReturnType<typeof load>>;
  try {
    found = await load(caseId, storyId);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return <DatabaseUnavailableBanner what="this presentation" />;
  }
  if (!found) notFound();
  if (found.large) return <TooLargeForPage summary={found.summary} what="Presentations" />;
  const { story, view, steps } = found;
  const initial = Number.isInteger(stepParam) && stepParam >= 1 && stepParam <= steps.length ? stepParam - 1 : 0;
  return <Presenter caseId={caseId} caseTitle={view.case.title} storyTitle={story.title} view={view} steps={steps} initialStep={initial} />;
}
