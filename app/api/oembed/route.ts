import { NextResponse, type NextRequest } from 'next/server';
import { getCase } from '@/graph/cases.repo';
import { getPublication } from '@/graph/publications.repo';
import { decodeEmbedParams } from '@/lib/embed/embed-params';
import { NotFoundError } from '@/graph/errors';
import { searchParamsObject } from '@/lib/api/params';
import { OEmbedQuery, oembedResponse, parseOurUrl } from '@/lib/embed/oembed';
import { originFromHeaders } from '../../_lib/request-origin';
import { requireCaseRead } from '../_lib/auth';
import { errorResponse } from '../_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * The title the embed shows: a pinned version's as it was published (so the card stays what was
 * published after later edits), else the case's. A version never published is a 404, as its embed page is.
 */
async function embedTitle(caseId: string, version: string | null): Promise<string> {
  if (version) {
    const publication = await getPublication(caseId, version);
    if (!publication) throw new NotFoundError(`version ${version} of this case was never published`);
    return publication.title;
  }
  const found = await getCase(caseId);
  if (!found) throw new NotFoundError('no such case');
  return found.title;
}

/** oEmbed 1.0 provider for case pages and embeds. 404 for a URL that is not one of ours, 501 for XML. */
export async function GET(request: NextRequest) {
  try {
    const query = OEmbedQuery.parse(searchParamsObject(request.nextUrl.searchParams));
    if (query.format === 'xml') {
      return NextResponse.json({ error: 'not_implemented', message: 'only format=json is offered' }, { status: 501 });
    }
    const origin = originFromHeaders(request.headers, request.nextUrl.origin);
    const ours = parseOurUrl(query.url, origin);
    if (!ours) throw new NotFoundError(`not a Timeweave case or embed URL on ${new URL(origin).host}`);
    // Consumers fetch this from their servers, without our cookies: a private case is a 404 here.
    await requireCaseRead(request, ours.caseId);
    const title = await embedTitle(ours.caseId, decodeEmbedParams(new URLSearchParams(ours.search)).version);
    const body = oembedResponse({ origin, caseId: ours.caseId, title, search: ours.search, maxwidth: query.maxwidth, maxheight: query.maxheight });
    return NextResponse.json(body, { headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' } });
  } catch (e) {
    return errorResponse(e);
  }
}
