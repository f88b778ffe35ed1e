import '../zod';
import { z } from 'zod';
import { EventStatus } from '../model/vocab';

/**
 * `PUT /api/events/{eventId}/status`: an editor's status, with the reason that is kept and shown
 * beside the status the rules derive. `expectedVersion` (the event's `version` as read) makes the
 * write refuse with 409 when someone else changed the status meanwhile.
 */
export const StatusOverride = z.strictObject({
  status: EventStatus,
  reason: z.string().trim().min(3, 'say why: a status set by an editor needs a reason, which is kept and shown').max(2000),
  expectedVersion: z.number().int().nonnegative().optional(),
});
export type StatusOverride = z.infer<typeof StatusOverride>;

export const StatusOverrideResult = z.object({ id: z.string(), status: EventStatus, statusReason: z.string(), version: z.number().int() });
export type StatusOverrideResult = z.infer<typeof StatusOverrideResult>;
