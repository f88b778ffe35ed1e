import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getCaseView } from '@/graph/cases.repo';
import { getCaseBundle } from '@/graph/interchange.repo';
import { getCaseAccess } from '@/graph/users.repo';
import { canReadCase } from '@/lib/auth/policy';
import { decodeEmbedParams } from '@/lib/embed/embed-params';
import { caseVersion } from '@/lib/embed/version';
import { applyFilters } from '@/lib/filters';
import { CASE_ID_PATTERN } from '@/lib/model/ids';
import { formatPartialDate } from '@/lib/model/partial-date';
import { encodeExploreState } from '@/lib/url-state';
import { dateLabelOf, sortEventsByDate } from '@/lib/views/timeline-items';
import { citedEvents } from '@/lib/views/quotes';
import { CompactLegend } from '../../../_components/compact-legend';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from '../../../_components/database-unavailable';
import { QuoteBlock } from '../../../_components/evidence/quote-block';
import { StatusBadge } from '../../../_components/status-badge';
import { oembedAlternates } from '../../../_lib/oembed-discovery';
import { requestOrigin } from '../../../_lib/request-origin';
import { EmbedViews } from './embed-views';
import '../../embed.css';

interface Props {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Public cases only, whoever is asking: an embed is published in someone else's page, so what it
 * shows must not depend on the reader's session here (a private case answers 404 like a missing one).
 */
const load = cache(async (caseId: string) => {
  if (!CASE_ID_PATTERN.test(caseId)) return null;
  const access = await getCaseAccess(caseId, null);
  if (!access || !canReadCase(access, null)) return null;
  const [view, bundle] = await Promise.all([getCaseView(caseId), getCaseBundle(caseId)]);
  return view && bundle ? { view, bundle, version: caseVersion(bundle) } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId } = await params;
  try {
    const found = await load(caseId);
    if (!found) return { title: 'Case not found' };
    return {
      title: found.view.case.title,
      alternates: await oembedAlternates(`/embed/cases/${encodeURIComponent(caseId)}`),
      robots: { index: false },
    };
  } catch {
    return { title: 'Case' };
  }
}

export default async function EmbedPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const v of [value ?? []].flat()) query.append(key, v);
  const p = decodeEmbedParams(query);

  let found: Awaited<ReturnType<typeof load>>;
  try {
    found = await load(caseId);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return <DatabaseUnavailableBanner what="this case" />;
  }
  if (!found) notFound();
  const { view, bundle, version } = found;

  const filtered = applyFilters(view, p.filters).view;
  const shownIds = new Set(filtered.events.map((e) => e.id));
  const cited = new Map(citedEvents(bundle).map((e) => [e.id, e]));
  const events = sortEventsByDate(filtered.events).flatMap((e) => cited.get(e.id) ?? []);
  const focusId = p.focus?.id ?? null;
  const focusName =
    p.focus?.kind === 'event' ? view.events.find((e) => e.id === focusId)?.title : view.graph.nodes.find((n) => n.id === focusId)?.name;
  const hiddenCount = view.events.length - shownIds.size;

  const origin = await requestOrigin();
  const caseQuery = encodeExploreState({ selected: p.focus, window: p.window, lanes: 'none', filters: p.filters });
  const caseUrl = `${origin}/cases/${encodeURIComponent(caseId)}${caseQuery ? `?${caseQuery}` : ''}`;
  const c = view.case;

  return (
    <article className="tw-embed" aria-labelledby="tw-embed-title" data-version={version}>
      <header className="tw-embed-head">
        <h1 id="tw-embed-title">{c.title}</h1>
        <p className="tw-embed-version" data-testid="embed-version">
          <VersionNote wanted={p.version} current={version} />
        </p>
      </header>
      <CompactLegend />
      {focusName ? (
        <p className="tw-embed-focus">
          <span className="tw-field-label">Highlighted: </span>
          <strong>{focusName}</strong>
        </p>
      ) : null}

      <EmbedViews view={filtered} show={p.view} focus={p.focus} window={p.window} />

      <section className="tw-embed-list" aria-labelledby="tw-embed-list-heading">
        <h2 id="tw-embed-list-heading">
          Events in date order ({events.length}
          {hiddenCount > 0 ? `; ${hiddenCount} hidden by the embed's status filter` : ''})
        </h2>
        <ol>
          {events.map((e) => (
            <li key={e.id} id={`event-${e.id}`} className={e.id === focusId ? 'tw-embed-focused' : undefined} aria-current={e.id === focusId ? 'true' : undefined}>
              <details open={e.id === focusId}>
                <summary>
                  <span className="tw-list-date">{dateLabelOf(e)}</span> <span className="tw-list-title">{e.title}</span>{' '}
                  <StatusBadge status={e.status} prefix />{' '}
                  <span className="tw-list-meta">
                    ({e.quotes.length} {e.quotes.length === 1 ? 'citation' : 'citations'})
                  </span>
                </summary>
                {e.quotes.map((q) => (
                  <QuoteBlock key={q.id} q={q} newTab />
                ))}
              </details>
            </li>
          ))}
        </ol>
      </section>

      <footer className="tw-embed-foot">
        <p className="tw-embed-credit" data-testid="embed-credit">
          <span className="tw-field-label">Sources: </span>
          {bundle.sources.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? '; ' : ''}
              {s.publisher}, <cite lang={s.language}>{s.title}</cite>
              {s.published ? ` (${formatPartialDate(s.published)})` : ''}
            </span>
          ))}
        </p>
        <p>
          <a className="tw-embed-back" href={caseUrl} target="_blank" rel="noopener">
            View on Timeweave
          </a>
        </p>
      </footer>
    </article>
  );
}

/**
 * Honest about what is shown. Pinning is checked, not stored: the embed always shows the case as
 * it is now, and says so when that is no longer the version the article was published with.
 */
function VersionNote({ wanted, current }: { wanted: string | null; current: string }) {
  if (!wanted) return <>Live: shows the case as it is now (version {current}).</>;
  if (wanted === current) return <>Pinned to version {current}: the case has not changed since it was embedded.</>;
  return (
    <strong className="tw-embed-changed">
      Changed since it was embedded: this embed was published with version {wanted}; the case has been edited since, and what you see is the current version {current}.
    </strong>
  );
}
