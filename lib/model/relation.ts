import '../zod';
import { z } from 'zod';
import { ID_PATTERN } from './ids';
import { PartialDate } from './partial-date';
import { RelationType } from './vocab';
import { CitationIds } from './event';

export const ParticipationId = z.string().regex(ID_PATTERN).startsWith('par_');
export const RelationId = z.string().regex(ID_PATTERN).startsWith('rel_');

/** An entity takes part in an event, in a role ("host", "target", "speaker"), with its own evidence. */
export const Participation = z.object({
  id: ParticipationId,
  eventId: z.string().regex(ID_PATTERN).startsWith('evt_'),
  entityId: z.string().regex(ID_PATTERN).startsWith('ent_'),
  role: z.string().min(1).max(60),
  citationIds: CitationIds,
});
export type Participation = z.infer<typeof Participation>;

/** A relationship between two entities, true over an optional validity interval. */
export const Relation = z.object({
  id: RelationId,
  type: RelationType,
  fromId: z.string().regex(ID_PATTERN).startsWith('ent_'),
  toId: z.string().regex(ID_PATTERN).startsWith('ent_'),
  /** Partial dates; null means "not known to begin/end within the case". */
  validFrom: PartialDate.nullable(),
  validTo: PartialDate.nullable(),
  citationIds: CitationIds,
});
export type Relation = z.infer<typeof Relation>;
