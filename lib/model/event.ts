import '../zod';
import { z } from 'zod';
import { ID_PATTERN } from './ids';
import { PartialDate, TimeZone, compareInstants, intervalOf, isValidTimeZone, parsePartialDate, precisionOf } from './partial-date';
import { EventKind, EventStatus, Precision } from './vocab';

export const EventId = z.string().regex(ID_PATTERN, 'not an event id').startsWith('evt_');

const CitationIds = z
  .array(z.string().regex(ID_PATTERN).startsWith('cit_'))
  .min(1, 'at least one citation is required: nothing is shown without the words that support it');

/**
 * Something that happened (or is said to have happened). Events are nodes, not edges: many
 * entities take part in one event, each with a role and its own citations.
 */
export const Event = z
  .object({
    id: EventId,
    caseId: z.string(),
    title: z.string().min(1).max(300),
    description: z.string().max(5000),
    kind: EventKind,
    start: PartialDate,
    precision: Precision,
    approximate: z.boolean(),
    end: PartialDate.nullable(),
    endPrecision: Precision.nullable(),
    endApproximate: z.boolean(),
    timeZone: TimeZone.nullable(),
    status: EventStatus,
    /** Why the status is what it is, when an editor set it against the rules (kept, shown). */
    statusReason: z.string().max(2000).nullable(),
    citationIds: CitationIds,
  })
  .superRefine((e, ctx) => {
    // zod runs this refinement even when a field above has already failed: judge only dates and a
    // time zone that are well-formed (the field errors already say what is wrong with the others).
    const wellFormed = (d: unknown) => typeof d === 'string' && parsePartialDate(d) !== null;
    if (!wellFormed(e.start) || (e.end !== null && !wellFormed(e.end))) return;
    if (e.timeZone !== null && (typeof e.timeZone !== 'string' || !isValidTimeZone(e.timeZone))) return;
    if (precisionOf(e.start) !== e.precision) {
      ctx.addIssue({ code: 'custom', path: ['precision'], message: `start ${e.start} is not at ${e.precision} precision` });
    }
    if ((e.end === null) !== (e.endPrecision === null)) {
      ctx.addIssue({ code: 'custom', path: ['endPrecision'], message: 'end and endPrecision go together' });
    }
    if (e.end !== null) {
      if (precisionOf(e.end) !== e.endPrecision) {
        ctx.addIssue({ code: 'custom', path: ['endPrecision'], message: `end ${e.end} is not at ${e.endPrecision} precision` });
      } else if (compareInstants(intervalOf(e.end, e.timeZone).until, intervalOf(e.start, e.timeZone).earliest) <= 0) {
        // Compared as intervals: a month-precision start may well contain a day-precision end.
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'end is before start' });
      }
    }
  });
export type Event = z.infer<typeof Event>;

export { CitationIds };
