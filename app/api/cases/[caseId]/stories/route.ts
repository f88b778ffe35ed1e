import { NextResponse, type NextRequest } from 'next/server';
import '@/lib/zod';
import { z } from 'zod';
import { CaseIdParam } from '@/lib/api/params';
import { STORY_BODY_LIMIT } from '@/lib/api/stories';
import { createStory, listStories } from '@/graph/stories.repo';
import { requireCaseRead, requireEditor } from '../../../_lib/auth';
import { readJsonBody } from '../../../_lib/body';
import { errorResponse, handle } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/** The case's stories (id, title, summary, number of steps, version). Read access as for the case. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  return handle(
    async () => CaseIdParam.parse(await params),
    ({ caseId }) => listStories(caseId),
    'no such case',
    ({ caseId }) => requireCaseRead(request, caseId),
  );
}

/**
 * A new story: { id?, title, summary?, steps }. Editors only (CSRF-checked). 201 with the stored
 * story (version 1); 409 if the case has a story of that id; 422 with every problem (a bad field,
 * or a step pointing at something that is not this case's), nothing written.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ caseId: string }> }) {
  try {
    const { caseId } = CaseIdParam.parse(await params);
    const editor = await requireEditor(request);
    await requireCaseRead(request, caseId);
    const body = await readJsonBody(request, z.unknown(), STORY_BODY_LIMIT);
    return NextResponse.json(await createStory(caseId, body, editor.id), { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
