import { NextResponse, type NextRequest } from 'next/server';
import { caseExists } from '@/graph/import.repo';
import { importCase } from '@/graph/interchange.repo';
import { searchParamsObject } from '@/lib/api/params';
import { ImportQuery, InterchangeError, parseImport } from '@/lib/interchange';
import { requireCaseRead, requireEditor } from '../../_lib/auth';
import { readTextCapped } from '../../_lib/body';
import { errorResponse } from '../../_lib/respond';

export const dynamic = 'force-dynamic';

/** Larger files are refused before they are read. */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * `POST /api/cases/import?format=bundle|timelinejs|csv[&caseId&title&publisher&language&replace]`
 * with the file as the request body. Parse and check the whole file, then write it in one
 * transaction; a bad file gets 422 with every problem and nothing is written; an existing case id
 * gets 409 unless replace=true. Answers 201 with what was created. Editors only (session with its
 * CSRF token, or an API token), within the import rate limit; replacing a case needs read access
 * to it, so a private case is neither disclosed nor overwritten by a non-member.
 */
export async function POST(request: NextRequest) {
  try {
    await requireEditor(request, 'import');
    const query = ImportQuery.parse(searchParamsObject(request.nextUrl.searchParams));
    const text = await readTextCapped(request, MAX_BYTES);
    if (!text.trim()) throw new InterchangeError('the request body is empty: send the file as the body');
    const { bundle, report } = parseImport(query.format, text, {
      caseId: query.caseId,
      caseTitle: query.title,
      publisher: query.publisher,
      language: query.language,
      today: new Date().toISOString().slice(0, 10),
    });
    if (query.replace && (await caseExists(bundle.case.id))) await requireCaseRead(request, bundle.case.id);
    const result = await importCase(bundle, { replace: query.replace });
    return NextResponse.json(
      { ...result, format: query.format, events: report.events, eras: report.eras, notes: report.notes, links: { case: `/cases/${result.caseId}`, api: `/api/cases/${result.caseId}/events` } },
      { status: 201, headers: { 'Cache-Control': 'no-store', Location: `/cases/${result.caseId}` } },
    );
  } catch (e) {
    return errorResponse(e);
  }
}
