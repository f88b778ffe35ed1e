import { NextResponse, type NextRequest } from 'next/server';
import '@/lib/zod';
import { z } from 'zod';
import { STORY_BODY_LIMIT, StoryDeleteQuery, StoryParams } from '@/lib/api/stories';
import { deleteStory, getStory, updateStory } from '@/graph/stories.repo';
import { requireCaseRead, requireEditor } from '../../../../_lib/auth';
import { readJsonBody } from '../../../../_lib/body';
import { errorResponse, handle } from '../../../../_lib/respond';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ caseId: string; storyId: string }> };

/** One story with its steps and version. Read access as for the case (a private case is 404). */
export async function GET(request: NextRequest, { params }: Ctx) {
  return handle(
    async () => StoryParams.parse(await params),
    ({ caseId, storyId }) => getStory(caseId, storyId),
    'no such story',
    ({ caseId }) => requireCaseRead(request, caseId),
  );
}

/**
 * Saves the whole story: { expectedVersion, title, summary, steps } in one transaction. Editors
 * only. 200 with the stored story; 409 { details: { currentVersion } } when someone saved since
 * expectedVersion; 422 with every problem, nothing written.
 */
export async function PUT(request: NextRequest, { params }: Ctx) {
  try {
    const { caseId, storyId } = StoryParams.parse(await params);
    const editor = await requireEditor(request);
    await requireCaseRead(request, caseId);
    const body = await readJsonBody(request, z.unknown(), STORY_BODY_LIMIT);
    return NextResponse.json(await updateStory(caseId, storyId, body, editor.id), { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

/** Deletes the story (`?expectedVersion=N`: only if nobody saved it since). Editors only. 204. */
export async function DELETE(request: NextRequest, { params }: Ctx) {
  try {
    const { caseId, storyId } = StoryParams.parse(await params);
    await requireEditor(request);
    await requireCaseRead(request, caseId);
    const { expectedVersion } = StoryDeleteQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
    await deleteStory(caseId, storyId, expectedVersion);
    return new NextResponse(null, { status: 204 });
  } catch (e) {
    return errorResponse(e);
  }
}
