import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getCase, getCaseView } from '@/graph/cases.repo';
import { listSourcesHead } from '@/graph/large-case.repo';
import { getTimelineWindow } from '@/graph/timeline.repo';
import { getCaseBundle } from '@/graph/interchange.repo';
import { getPublishedVersion } from '@/graph/publications.repo';
import { getCaseAccess } from '@/graph/users.repo';
import { canReadCase } from '@/lib/auth/policy';
import { caseViewFromBundle } from '@/lib/embed/bundle-view';
import { decodeEmbedParams, encodeEmbedParams } from '@/lib/embed/embed-params';
import { formatPublishedAt, type Publication } from '@/lib/embed/publication';
import { caseVersion } from '@/lib/embed/version';
import { applyFilters } from '@/lib/filters';
import { CASE_ID_PATTERN } from '@/lib/model/ids';
import { encodeExploreState } from '@/lib/url-state';
import { dateLabelOf, sortEventsByDate } from '@/lib/views/timeline-items';
import { isLargeCase } from '@/lib/views/timeline-buckets';
import { citedEvents } from '@/lib/views/quotes';
import { CompactLegend } from '../../../_components/compact-legend';
import { DatabaseUnavailableBanner, isDatabaseUnavailable } from '../../../_components/database-unavailable';
import { QuoteBlock } from '../../../_components/evidence/quote-block';
import { StatusBadge } from '../../../_components/status-badge';
import { oembedAlternates } from '../../../_lib/oembed-discovery';
import { requestOrigin } from '../../../_lib/request-origin';
import { EmbedViews } from './embed-views';
import { EmbedCredits } from './embed-credits';
import { LargeEmbed } from './large-embed';
import '../../embed.css';

interface Props {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** How many count bars a large case's embed asks for: a dozen periods read well in a narrow frame. */
const LARGE_EMBED_BUCKETS = 12;
/** Sources a large case's embed credits by name (the first by title); the rest are counted. */
const LARGE_EMBED_SOURCES = 12;

/**
 * Public cases only, whoever is asking: an embed is published in someone else's page, so what it
 * shows must not depend on the reader's session here (a private case answers 404 like a missing one).
 * A case over LARGE_TIMELINE_EVENTS events is not read whole (see large-embed.tsx): only its summary.
 */
const load = cache(async (caseId: string) => {
  if (!CASE_ID_PATTERN.test(caseId)) return null;
  const access = await getCaseAccess(caseId, null);
  if (!access || !canReadCase(access, null)) return null;
  const summary = await getCase(caseId);
  if (!summary) return null;
  if (isLargeCase(summary)) return { large: true as const, summary };
  const [view, bundle] = await Promise.all([getCaseView(caseId, summary), getCaseBundle(caseId)]);
  return view && bundle ? { large: false as const, view, bundle, version: caseVersion(bundle) } : null;
});

/** A published version's snapshot (immutable), or null when that version was never published. */
const loadPublished = cache(async (caseId: string, version: string) => getPublishedVersion(caseId, version));

/** What `?version=` asks for, decoded like the page does (malformed values are ignored). */
async function versionOf(searchParams: Props['searchParams']): Promise<string | null> {
  const v = (await searchParams).version;
  return decodeEmbedParams(new URLSearchParams(typeof v === 'string' ? { version: v } : {})).version;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { caseId } = await params;
  try {
    const found = await load(caseId);
    if (!found) return { title: 'Case not found' };
    // oEmbed discovery keeps the pinned version, so a consumer embeds what this page shows.
    const version = await versionOf(searchParams);
    return {
      title: found.large ? found.summary.title : found.view.case.title,
      alternates: await oembedAlternates(`/embed/cases/${encodeURIComponent(caseId)}${version ? `?version=${version}` : ''}`),
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
  let published: Awaited<ReturnType<typeof loadPublished>> = null;
  try {
    found = await load(caseId);
    if (found && p.version) published = await loadPublished(caseId, p.version);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return <DatabaseUnavailableBanner what="this case" />;
  }
  if (!found) notFound();
  // A version never published is a 404 (not-found.tsx says so), unless it is the live content
  // itself: an embed pinned before publishing existed, still showing exactly what it pinned. A large
  // case has no live version to compare with (it would mean hashing the whole case).
  if (p.version && !published && (found.large || p.version !== found.version)) notFound();
  const origin = await requestOrigin();
  const caseHref = (explore: Parameters<typeof encodeExploreState>[0]) => {
    const q = encodeExploreState(explore);
    return `${origin}/cases/${encodeURIComponent(caseId)}${q ? `?${q}` : ''}`;
  };
  if (found.large && !published) {
    const embedState = { selected: p.focus, window: p.window, lanes: 'none' as const, filters: p.filters };
    let large: { answer: NonNullable<Awaited<ReturnType<typeof getTimelineWindow>>>; sources: Awaited<ReturnType<typeof listSourcesHead>> };
    try {
      const window = p.window ? { from: `${p.window.start}Z`, to: `${p.window.end}Z` } : {};
      const [answer, sources] = await Promise.all([
        getTimelineWindow(caseId, window, { buckets: LARGE_EMBED_BUCKETS, hideKind: [...p.filters.eventKinds], hideStatus: [...p.filters.statuses] }),
        listSourcesHead(caseId, LARGE_EMBED_SOURCES),
      ]);
      if (!answer) notFound();
      large = { answer, sources };
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      return <DatabaseUnavailableBanner what="this case" />;
    }
    return (
      <LargeEmbed
        summary={found.summary}
        answer={large.answer}
        sources={large.sources}
        focusId={p.focus?.kind === 'event' ? p.focus.id : null}
        hiddenStatuses={p.filters.statuses}
        caseUrl={(change = {}) =>
          caseHref({ ...embedState, ...(change.window ? { window: change.window } : {}), ...(change.selected ? { selected: { kind: 'event', id: change.selected } } : {}) })
        }
      />
    );
  }
  // A large case now, pinned to what it was when published (smaller): the snapshot, marked as edited since.
  const liveVersion = found.large ? null : found.version;
  // Pinned to a publication: everything below renders from its snapshot, exactly as published.
  const { view, bundle, version } = published
    ? { view: caseViewFromBundle(published.bundle), bundle: published.bundle, version: published.publication.version }
    : found.large
      ? notFound()
      : found;
  const liveHref = `/embed/cases/${encodeURIComponent(caseId)}${(() => {
    const q = encodeEmbedParams({ ...p, version: null });
    return q ? `?${q}` : '';
  })()}`;

  const filtered = applyFilters(view, p.filters).view;
  const shownIds = new Set(filtered.events.map((e) => e.id));
  const cited = new Map(citedEvents(bundle).map((e) => [e.id, e]));
  const events = sortEventsByDate(filtered.events).flatMap((e) => cited.get(e.id) ?? []);
  const focusId = p.focus?.id ?? null;
  const focusName =
    p.focus?.kind === 'event' ? view.events.find((e) => e.id === focusId)?.title : view.graph.nodes.find((n) => n.id === focusId)?.name;
  const hiddenCount = view.events.length - shownIds.size;

  const caseUrl = caseHref({ selected: p.focus, window: p.window, lanes: 'none', filters: p.filters });
  const c = view.case;

  return (
    <article className="tw-embed" aria-labelledby="tw-embed-title" data-version={version} data-published={published ? 'true' : undefined}>
      <header className="tw-embed-head">
        <h1 id="tw-embed-title">{c.title}</h1>
        <p className="tw-embed-version" data-testid="embed-version">
          <VersionNote wanted={p.version} live={liveVersion} publication={published?.publication ?? null} liveHref={liveHref} />
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

      <EmbedCredits sources={bundle.sources} caseUrl={caseUrl} />
    </article>
  );
}

/**
 * Honest about what is shown: the live case, a published version (and whether the case has been
 * edited since, with the way to the current one), or a pin to the live content that was never
 * published (embeds made before publishing existed).
 */
function VersionNote({ wanted, live, publication, liveHref }: { wanted: string | null; live: string | null; publication: Publication | null; liveHref: string }) {
  if (!wanted) return <>Live: shows the case as it is now (version {live}).</>;
  if (publication) {
    return (
      <>
        Published version of {formatPublishedAt(publication.publishedAt)} (version {publication.version}).{' '}
        {publication.version === live ? (
          'The case has not changed since.'
        ) : (
          <>
            <strong className="tw-embed-changed">The case has been edited since:</strong>{' '}
            <a href={liveHref} data-testid="embed-current-link">
              see the current version
            </a>
            .
          </>
        )}
      </>
    );
  }
  return <>Pinned to version {live}: the case has not changed since it was embedded (this version was not published).</>;
}
