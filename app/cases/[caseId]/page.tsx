import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getCase, getCaseView } from '@/graph/cases.repo';
import { listSourcesHead } from '@/graph/large-case.repo';
import { mayReadCase } from '../../api/_lib/auth';
import { SOURCES_HEAD } from '@/lib/api/large-case';
import type { CaseSummary, CaseView } from '@/lib/api/views';
import type { SourceSummary } from '@/lib/model/source';
import { isLargeCase } from '@/lib/views/timeline-buckets';
import { Breadcrumb } from '../../_components/breadcrumb';
import { CaseCounts } from '../../_components/case-counts';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from '../../_components/database-unavailable';
import { StatusLegend } from '../../_components/status-legend';
import { CaseExplorer } from './case-explorer';
import { LargeCaseExplorer } from './large-case-explorer';
import { SourcesSection } from './sources-section';
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
const loadSummary = cache(async (caseId: string) => ((await mayReadCase(caseId)) ? getCase(caseId) : null));

/**
 * What the page reads besides the summary. A small case: all of it (the explorer holds the whole
 * case). A large one (isLargeCase: over LARGE_TIMELINE_EVENTS events): bounded data only, the first sources;
 * its explorer reads the timeline and the network window by window from the API.
 */
type Loaded = { large: false; view: CaseView } | { large: true; summary: CaseSummary; sources: SourceSummary[] };
async function loadCase(summary: CaseSummary): Promise<Loaded | null> {
  if (isLargeCase(summary)) return { large: true, summary, sources: await listSourcesHead(summary.id, SOURCES_HEAD) };
  const view = await getCaseView(summary.id, summary);
  return view ? { large: false, view } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId } = await params;
  try {
    const summary = await loadSummary(caseId);
    if (!summary) return { title: 'Case not found' };
    return { title: summary.title, alternates: await oembedAlternates(`/cases/${encodeURIComponent(caseId)}`) };
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
  let loaded: Loaded | null;
  try {
    const summary = await loadSummary(caseId);
    loaded = summary ? await loadCase(summary) : null;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return (
      <>
        <Breadcrumb current="Case" />
        <DatabaseUnavailableBanner what="this case" />
      </>
    );
  }
  if (!loaded) notFound();

  const c = loaded.large ? loaded.summary : loaded.view.case;
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
      {loaded.large ? (
        <>
          <LargeCaseExplorer summary={c} initialQuery={query.toString()} />
          <SourcesSection sources={loaded.sources} total={c.sourceCount} />
        </>
      ) : (
        <>
          <CaseExplorer view={loaded.view} initialQuery={query.toString()} />
          <SourcesSection sources={loaded.view.sources} />
        </>
      )}
    </>
  );
}
