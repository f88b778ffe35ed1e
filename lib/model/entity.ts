import '../zod';
import { z } from 'zod';
import { ID_PATTERN } from './ids';
import { EntityType } from './vocab';

export const EntityId = z.string().regex(ID_PATTERN, 'not an entity id').startsWith('ent_');

export const Alias = z.object({
  name: z.string().min(1).max(200),
  /** BCP 47 language or script tag (`fr`, `ru`, `kk`), when it matters. */
  lang: z.string().min(2).max(35).nullable(),
});
export type Alias = z.infer<typeof Alias>;

/** A thing the sources talk about. The name as written in a source is a mention; this is what it resolves to. */
export const Entity = z.object({
  id: EntityId,
  caseId: z.string(),
  type: EntityType,
  /** Canonical English name. */
  name: z.string().min(1).max(200),
  aliases: z.array(Alias).max(50),
  description: z.string().max(2000).nullable(),
  /** Passages that mention it. Entities may be uncited; events and relationships may not. */
  citationIds: z.array(z.string().regex(ID_PATTERN)),
});
export type Entity = z.infer<typeof Entity>;
