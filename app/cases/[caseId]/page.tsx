import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getCaseView } from '@/graph/cases.repo';
import type { CaseView } from '@/lib/api/views';
import { formatPartialDate } from '@/lib/model/partial-date';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from '../../_components/database-unavailable';
import { StatusLegend } from '../../_components/status-legend';
import { CaseExplorer } from './case-explorer';

interface Props {
  params: Promise<{ caseId: string }>;
}

/** One read per request, shared by the metadata and the page. */
const loadCaseView = cache((caseId: string) => getCaseView(caseId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId } = await params;
  try {
    const view = await loadCaseView(caseId);
    return { title: view ? view.case.title : 'Case not found' };
  } catch {
    return { title: 'Case' };
  }
}

export default async function CasePage({ params }: Props) {
  const { caseId } = await params;
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
  return (
    <>
      <Breadcrumb current={c.title} />
      <header className="tw-case-header">
        <h1>{c.title}</h1>
        {c.summary ? <p className="tw-summary">{c.summary}</p> : null}
        <ul className="tw-counts" aria-label="In this case">
          <li>
            <strong>{c.eventCount}</strong> {c.eventCount === 1 ? 'event' : 'events'}
          </li>
          <li>
            <strong>{c.entityCount}</strong> {c.entityCount === 1 ? 'entity' : 'entities'}
          </li>
          <li>
            <strong>{c.sourceCount}</strong> {c.sourceCount === 1 ? 'source' : 'sources'}
          </li>
        </ul>
      </header>
      <StatusLegend />
      <CaseExplorer view={view} />
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

function Breadcrumb({ current }: { current: string }) {
  return (
    <nav className="tw-breadcrumb" aria-label="Breadcrumb">
      <ol>
        <li>
          <Link href="/">Cases</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
