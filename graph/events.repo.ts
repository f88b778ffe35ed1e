import { Event } from '../lib/model/event';
import { writeTransaction } from './driver';
import { encodeEvent } from './encode';
import { InvariantError, NotFoundError } from './errors';
import { requireCitations } from './import.repo';
import { refreshEventDaysAround } from './event-days.repo';
import { CASE_EXISTS, WRITE_EVENTS } from './queries/import.queries';

/**
 * Creates or updates one event, in one transaction: refused (and nothing written) unless the event
 * is valid and every citation it names already exists. The write path for editors and ingest.
 */
export async function upsertEvent(input: unknown): Promise<Event> {
  const parsed = Event.safeParse(input);
  if (!parsed.success) {
    throw new InvariantError(
      `refused: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ')}`,
      parsed.error.issues,
    );
  }
  const event = parsed.data;
  const row = encodeEvent(event);
  await writeTransaction(async (tx) => {
    if ((await tx.run(CASE_EXISTS, { caseId: event.caseId })).records.length === 0) {
      throw new NotFoundError(`no case ${event.caseId}`);
    }
    await requireCitations(tx, 'event', [row]);
    const refreshDays = await refreshEventDaysAround(tx, event.caseId, [row.id]);
    await tx.run(WRITE_EVENTS, { caseId: event.caseId, rows: [row] });
    await refreshDays();
  });
  return event;
}
