import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCase } from '@/graph/cases.repo';
import { getCaseBundle } from '@/graph/interchange.repo';
import { isLargeCase } from '@/lib/views/timeline-buckets';
import { TooLargeForPage } from '../../../../../_components/too-large';
import { getStory } from '@/graph/stories.repo';
import { canEdit } from '@/lib/auth/auth.schema';
import { catalogOf } from '@/lib/stories/draft';
import { mayReadCase, principalOf } from '../../../../../api/_lib/auth';
import { Breadcrumb } from '../../../../../_components/breadcrumb';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from '../../../../../_components/database-unavailable';
import { StoryEditor } from './story-editor';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Edit story' };

interface Props {
  params: Promise<{ caseId: string; storyId: string }>;
}

/** The story editor: editors only. It gets the story as stored and the case's events, entities and citations to choose from. */
export default async function EditStoryPage({ params }: Props) {
  const { caseId, storyId } = await params;
  let found: { story: NonNullable<Awaited<ReturnType<typeof getStory>>>; bundle: NonNullable<Awaited<ReturnType<typeof getCaseBundle>>> } | null;
  let editor: boolean;
  try {
    const readable = await mayReadCase(caseId);
    // The editor offers the whole case to choose from: not for a large one (TooLargeForPage says so).
    const summary = readable ? await getCase(caseId) : null;
    if (summary && isLargeCase(summary)) return <TooLargeForPage summary={summary} what="Story editors" />;
    const [story, bundle] = summary ? await Promise.all([getStory(caseId, storyId), getCaseBundle(caseId)]) : [null, null];
    found = story && bundle ? { story, bundle } : null;
    editor = canEdit((await principalOf(null))?.user ?? null);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return <DatabaseUnavailableBanner what="this story" />;
  }
  if (!found) notFound();
  const { story, bundle } = found;
  const storiesHref = `/cases/${encodeURIComponent(caseId)}/stories`;
  return (
    <>
      <Breadcrumb kase={{ id: caseId, title: bundle.case.title }} current={`Edit: ${story.title}`} />
      <h1>Edit story</h1>
      <p>
        <Link href={storiesHref}>All stories of this case</Link>
        {' · '}
        <a href={`/present/${encodeURIComponent(caseId)}/${encodeURIComponent(storyId)}`}>Present this story</a>
      </p>
      {editor ? (
        <StoryEditor caseId={caseId} storyId={storyId} initial={story} catalog={catalogOf(bundle)} />
      ) : (
        <p className="tw-banner">
          Editing stories needs an editor account. <Link href="/sign-in">Sign in</Link>, then come back to this page.
        </p>
      )}
    </>
  );
}
