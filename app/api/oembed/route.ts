import { NextResponse, type NextRequest } from 'next/server';
import { getCase } from '@/graph/cases.repo';
import { NotFoundError } from '@/graph/errors';
import { searchParamsObject } from '@/lib/api/params';
import { OEmbedQuery, oembedResponse, parseOurUrl } from '@/lib/embed/oembed';
import { originFromHeaders } from '../../_lib/request-origin';
import { requireCaseRead } from '../_lib/auth';
import { errorResponse } from '../_lib/respond';

export const dynamic = 'force-dynamic';

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
    const found = await getCase(ours.caseId);
    if (!found) throw new NotFoundError('no such case');
    const body = oembedResponse({ origin, caseId: ours.caseId, title: found.title, search: ours.search, maxwidth: query.maxwidth, maxheight: query.maxheight });
    return NextResponse.json(body, { headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' } });
  } catch (e) {
    return errorResponse(e);
  }
}
