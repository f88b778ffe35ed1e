import type { NextRequest } from 'next/server';
import { getCaseView, requireSmallCase } from '@/graph/cases.repo';
import { NotFoundError } from '@/graph/errors';
import { getPublishedVersion } from '@/graph/publications.repo';
import { CaseIdParam } from '@/lib/api/params';
import { contentDisposition } from '@/lib/interchange';
import { caseViewFromBundle } from '@/lib/embed/bundle-view';
import { formatPublishedAt } from '@/lib/embed/publication';
import { renderSnapshotSvg } from '@/lib/snapshot';
import { SnapshotQuery, snapshotFileName, snapshotFilters, snapshotQueryInput, snapshotWindow } from '@/lib/snapshot/query';
import { encodeExploreState } from '@/lib/url-state';
import { originFromHeaders } from '../../../../_lib/request-origin';
import { requireCaseRead } from '../../../_lib/auth';
import { rasterize } from '../../../_lib/rasterize';
import { errorResponse } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';
// resvg is a native module: Node runtime only.
export const runtime = 'nodejs';

/**
 * `GET /api/cases/{caseId}/snapshot?format=svg|png&view=timeline|graph&from&to&hideStatus…&version&width`:
 * a static picture of the view, for places that allow no iframes. With `version`, drawn from that
 * published snapshot (404 if it was never published). Downloaded as `<caseId>-<view>[-<version>].<format>`.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  try {
    const { caseId } = CaseIdParam.parse(await params);
    const query = SnapshotQuery.parse(snapshotQueryInput(request.nextUrl.searchParams));
    await requireCaseRead(request, caseId);
    let caseView;
    let versionNote: string;
    if (query.version) {
      const published = await getPublishedVersion(caseId, query.version);
      if (!published) throw new NotFoundError(`version ${query.version} of case "${caseId}" was never published`);
      caseView = caseViewFromBundle(published.bundle);
      versionNote = `Published version of ${formatPublishedAt(published.publication.publishedAt)} (${query.version})`;
    } else {
      // A large case is not read whole for a picture (requireSmallCase: 422 that says why).
      const summary = await requireSmallCase(caseId, 'a static picture');
      caseView = summary ? await getCaseView(caseId, summary) : null;
      if (!caseView) throw new NotFoundError(`no case "${caseId}"`);
      versionNote = 'Live version';
    }
    const filters = snapshotFilters(query);
    const window = snapshotWindow(query);
    const origin = originFromHeaders(request.headers, request.nextUrl.origin);
    const pageQuery = encodeExploreState({ selected: null, window, lanes: 'none', filters });
    const caseUrl = `${origin}/cases/${encodeURIComponent(caseId)}${pageQuery ? `?${pageQuery}` : ''}`;
    const svg = renderSnapshotSvg({ view: query.view, caseView, filters, window, width: query.width, caseUrl, versionNote });
    const body = query.format === 'svg' ? svg : new Uint8Array(rasterize(svg, query.width));
    return new Response(body, {
      headers: {
        'Content-Type': query.format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png',
        'Content-Disposition': contentDisposition(snapshotFileName(caseId, query)),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        // Opened on its own, the SVG is a document: it may draw, never run anything.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
