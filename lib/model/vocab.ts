import '../zod';
import { z } from 'zod';

/**
 * The closed vocabularies of the model. Everything that becomes a Neo4j label, a relationship type
 * or a filter value comes from these lists and nowhere else (see graph/queries).
 */

/** How well an event is established. Ordered from most to least established; the UI keeps this order. */
export const EVENT_STATUSES = ['confirmed', 'reported', 'alleged', 'disputed', 'denied'] as const;
export const EventStatus = z.enum(EVENT_STATUSES);
export type EventStatus = z.infer<typeof EventStatus>;

export const ENTITY_TYPES = ['person', 'organisation', 'place', 'facility', 'group', 'outlet'] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const EVENT_KINDS = [
  'attack',
  'deployment',
  'withdrawal',
  'meeting',
  'statement',
  'policy',
  'incident',
  'claim',
  'other',
] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

/** How the citing text presents the statement it quotes. */
export const STANCES = ['asserts', 'reports', 'alleges', 'denies'] as const;
export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;

/** Who a statement is attributed to. `unnamed` covers "selon certaines sources", "on-dit", etc. */
export const ASSERTER_KINDS = ['outlet', 'person', 'organisation', 'unnamed'] as const;
export const AsserterKind = z.enum(ASSERTER_KINDS);
export type AsserterKind = z.infer<typeof AsserterKind>;

/** Entity-to-entity relationship types. Stored as Neo4j relationship types, hence UPPER_SNAKE. */
export const RELATION_TYPES = [
  'MEMBER_OF',
  'PART_OF',
  'LEADS',
  'WORKS_FOR',
  'CONTRIBUTES_TROOPS_TO',
  'LOCATED_IN',
  'REPORTS_ON',
] as const;
export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

export const RELATION_LABELS: Record<RelationType, string> = {
  MEMBER_OF: 'member of',
  PART_OF: 'part of',
  LEADS: 'leads',
  WORKS_FOR: 'works for',
  CONTRIBUTES_TROOPS_TO: 'contributes troops to',
  LOCATED_IN: 'located in',
  REPORTS_ON: 'reports on',
};

/** Precision of a partial date: `2022-01` at month precision means "some time in January 2022". */
export const PRECISIONS = ['year', 'month', 'day', 'minute'] as const;
export const Precision = z.enum(PRECISIONS);
export type Precision = z.infer<typeof Precision>;
