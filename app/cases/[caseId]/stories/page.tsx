import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCase } from '@/graph/cases.repo';
import type { CaseSummary } from '@/lib/api/views';
import { isLargeCase } from '@/lib/views/timeline-buckets';
import { listStories } from '@/graph/stories.repo';
import { canEdit } from '@/lib/auth/auth.schema';
import { mayReadCase, principalOf } from '../../../api/_lib/auth';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from '../../../_components/database-unavailable';
import { TooLargeForPage } from '../../../_components/too-large';
import { NewStoryForm } from './new-story-form';
import styles from './stories.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Stories' };

interface Props {
  params: Promise<{ caseId: string }>;
}

/**
 * A case's stories: walks through the case for a class. Everyone who may read the case sees the
 * list and can present; editors also get Edit links and "New story".
 */
export default async function StoriesPage({ params }: Props) {
  const { caseId } = await params;
  let data: { summary: CaseSummary; stories: Awaited<ReturnType<typeof listStories>>; editor: boolean } | null;
  try {
    // The summary, not the whole case: this page lists the stories and needs only the title.
    const summary = (await mayReadCase(caseId)) ? await getCase(caseId) : null;
    data = summary ? { summary, stories: await listStories(caseId), editor: canEdit((await principalOf(null))?.user ?? null) } : null;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return <DatabaseUnavailableBanner what="this case's stories" />;
  }
  if (!data) notFound();
  const { summary, stories, editor } = data;
  const title = summary.title;
  const large = isLargeCase(summary);
  const c = encodeURIComponent(caseId);
  return (
    <>
      <Breadcrumb kase={{ id: caseId, title }} current="Stories" />
      <h1>Stories</h1>
      <p className="tw-summary">
        A story walks a class through this case step by step: each step moves the timeline, highlights what it is about and puts its
        citations one click away. It points at the case, so it always shows what the case holds now.
      </p>
      {large ? <TooLargeForPage summary={summary} what="Stories" /> : null}
      {stories.length === 0 ? <p>This case has no stories yet.</p> : null}
      <ul className={styles.list} aria-label="Stories of this case">
        {stories.map((s) => (
          <li key={s.id} className={styles.item}>
            <h2 className={styles.itemTitle}>{s.title}</h2>
            {s.summary ? <p className={styles.summary}>{s.summary}</p> : null}
            <p className={styles.meta}>
              {s.steps} {s.steps === 1 ? 'step' : 'steps'} · version {s.version}
            </p>
            <p className={styles.links}>
              {/* A plain link: presentations use a layout without the site header, which only a full page load gives. */}
              <a href={`/present/${c}/${encodeURIComponent(s.id)}`} aria-label={`Present: ${s.title}`}>
                Present
              </a>
              {editor ? (
                <Link href={`/cases/${c}/stories/${encodeURIComponent(s.id)}/edit`} aria-label={`Edit: ${s.title}`}>
                  Edit
                </Link>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {large ? null : editor ? (
        <NewStoryForm caseId={caseId} />
      ) : (
        <p className="tw-banner">
          Writing and editing stories needs an editor account. <Link href="/sign-in">Sign in</Link>, then come back to this page.
        </p>
      )}
    </>
  );
}
