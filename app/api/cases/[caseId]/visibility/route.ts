import { NextResponse, type NextRequest } from 'next/server';
import { VisibilityBody } from '@/lib/auth/auth.schema';
import { CaseIdParam } from '@/lib/api/params';
import { NotFoundError } from '@/graph/errors';
import { setCaseVisibility } from '@/graph/users.repo';
import { requireEditor } from '../../../_lib/auth';
import { readJsonBody } from '../../../_lib/body';
import { errorResponse } from '../../../_lib/respond';

/** PUT {visibility: public|private}: publish a case, or take it back to its members. Editors only. */
export async function PUT(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  try {
    const { caseId } = CaseIdParam.parse(await params);
    const editor = await requireEditor(request);
    const { visibility } = await readJsonBody(request, VisibilityBody, 1024);
    // Whoever makes a case private stays able to read it.
    const result = await setCaseVisibility(caseId, visibility, visibility === 'private' ? editor.username : null);
    if (!result) throw new NotFoundError(`no case "${caseId}"`);
    return NextResponse.json({ caseId, ...result });
  } catch (e) {
    return errorResponse(e);
  }
}
