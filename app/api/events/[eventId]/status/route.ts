import { NextResponse, type NextRequest } from 'next/server';
import { EventIdParam } from '@/lib/api/params';
import { InvariantError } from '@/graph/errors';
import { setEventStatus } from '@/graph/provenance.repo';
import { requireEditor, requireRecordRead } from '../../../_lib/auth';
import { PayloadTooLargeError, readTextCapped } from '../../../_lib/body';
import { errorResponse } from '../../../_lib/respond';

export const dynamic = 'force-dynamic';

/**
 * An editor sets an event's status with a reason (kept, shown beside the rules' verdict).
 * Editors only (401/403; CSRF-checked). Body: { status, reason, expectedVersion? }. 200 with the
 * new version; 400 bad id; 404 no such
 * event; 409 changed meanwhile; 422 invalid body; 503 database unavailable.
 */
export async function PUT(request: NextRequest, { params }: { params: Promise<{ eventId: string }> }) {
  try {
    const { eventId } = EventIdParam.parse(await params);
    await requireEditor(request);
    await requireRecordRead(request, eventId, 'event');
    let body: unknown;
    try {
      body = JSON.parse(await readTextCapped(request, 16 * 1024));
    } catch (e) {
      if (e instanceof PayloadTooLargeError) throw e;
      throw new InvariantError('refused: the body must be JSON: { "status": …, "reason": …, "expectedVersion"?: … }');
    }
    return NextResponse.json(await setEventStatus(eventId, body), { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
