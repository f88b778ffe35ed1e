import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCase } from '@/graph/cases.repo';
import { getCaseForIngest } from '@/graph/ingest.repo';
import { isLargeCase } from '@/lib/views/timeline-buckets';
import { canEdit } from '@/lib/auth/auth.schema';
import { mayReadCase, principalOf } from '../../../api/_lib/auth';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from '../../../_components/database-unavailable';
import { IngestReview } from './ingest-review';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ caseId: string }>;
}

export const metadata: Metadata = { title: 'Add an article' };

/** Add an article to a case: paste, upload or give a URL; review the proposals; commit. */
export default async function IngestPage({ params }: Props) {
  const { caseId } = await params;
  let kase: { title: string; entities: Array<{ id: string; name: string; type: string }> | null } | null;
  let editor: boolean;
  try {
    // A large case's entities are not all sent to the page (100,000 at 1M events): the review
    // finds the one to merge into by name (EntityPicker).
    const summary = (await mayReadCase(caseId)) ? await getCase(caseId) : null;
    const full = summary && !isLargeCase(summary) ? await getCaseForIngest(caseId) : null;
    kase = summary ? { title: summary.title, entities: full ? full.entities.map((e) => ({ id: e.id, name: e.name, type: e.type })) : null } : null;
    editor = canEdit((await principalOf(null))?.user ?? null);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return <DatabaseUnavailableBanner what="this case" />;
  }
  if (!kase) notFound();
  return (
    <>
      <Breadcrumb kase={{ id: caseId, title: kase.title }} current="Add an article" />
      <h1>Add an article</h1>
      <p className="tw-summary">
        Paste an article, upload a file or give a URL. Nothing is written until you review the proposals and commit them; the commit is
        all or nothing.
      </p>
      {editor ? (
        <IngestReview caseId={caseId} entities={kase.entities} />
      ) : (
        <p className="tw-banner">
          Adding articles needs an editor account. <Link href="/sign-in">Sign in</Link>, then come back to this page.
        </p>
      )}
    </>
  );
}
