import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getCaseView } from '@/graph/cases.repo';
import { mayReadCase } from '../../api/_lib/auth';
import type { CaseView } from '@/lib/api/views';
import { formatPartialDate } from '@/lib/model/partial-date';
import { Breadcrumb } from '../../_components/breadcrumb';
import { CaseCounts } from '../../_components/case-counts';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from '../../_components/database-unavailable';
import { StatusLegend } from '../../_components/status-legend';
import { CaseExplorer } from './case-explorer';
import { oembedAlternates } from '../../_lib/oembed-discovery';
import { listStories } from '@/graph/stories.repo';

interface Props {
  params: Promise<{ caseId: string }>;
  /** The explorer's state (selection, window, lanes, filters), decoded by lib/url-state.ts. */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * One read per request, shared by the metadata and the page. A private case the reader may not
 * see is "not found", exactly like a missing one.
 */
const loadCaseView = cache(async (caseId: string) => ((await mayReadCase(caseId)) ? getCaseView(caseId) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId } = await params;
  try {
    const view = await loadCaseView(caseId);
    if (!view) return { title: 'Case not found' };
    return { title: view.case.title, alternates: await oembedAlternates(`/cases/${encodeURIComponent(caseId)}`) };
  } catch {
    return { title: 'Case' };
  }
}

export default async function CasePage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of [value ?? []].flat()) query.append(key, v);
  }
  let view: CaseView | null;
  try {
    view = await loadCaseView(caseId);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return (
      <>
        <Breadcrumb current="Case" />
        <DatabaseUnavailableBanner what="this case" />
      </>
    );
  }
  if (!view) notFound();

  const { case: c, sources } = view;
  const stories = await listStories(c.id);
  return (
    <>
      <Breadcrumb current={c.title} />
      <header className="tw-case-header">
        <h1>{c.title}</h1>
        {c.summary ? <p className="tw-summary">{c.summary}</p> : null}
        <CaseCounts c={c} />
        <p>
          <Link href={`/cases/${encodeURIComponent(c.id)}/ingest`}>Add an article</Link>
          {' · '}
          <Link href={`/cases/${encodeURIComponent(c.id)}/stories`}>Stories</Link>
        </p>
        {stories.map((st) => (
          // A plain link, not <Link>: presentations use a layout without the site header, which
          // only a full page load gives (app/layout.tsx).
          <p key={st.id}>
            <a href={`/present/${encodeURIComponent(c.id)}/${encodeURIComponent(st.id)}`}>Present: {st.title}</a>
          </p>
        ))}
      </header>
      <StatusLegend />
      <CaseExplorer view={view} initialQuery={query.toString()} />
      {sources.length > 0 ? (
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
        </section>
      ) : null}
    </>
  );
}
