import '../zod';
import { z } from 'zod';
import { CASE_ID_PATTERN, ID_PATTERN, idKindOf, makeId } from '../model/ids';
import type { TimeWindow } from '../url-state';

/**
 * A story: an ordered walk through a case for a class or an audience, shown by
 * /present/{caseId}/{storyId}. Each step says something in words (`text`), moves the timeline to
 * a window, highlights the events and entities it is about (`focus`), and puts the citations that
 * support what it says one click away. The story only points at the case's records; it never
 * restates a status or a quote, so what it shows is always what the case currently holds.
 *
 * Focus items are ids (`evt_…`, `ent_…`) or the case file's keys (`event:biolab-attack-attempt`,
 * `entity:csto`), which are turned into ids the way the case file does (lib/case-file/compile.ts).
 */
export const STORY_ID_PATTERN = CASE_ID_PATTERN;

const WallClock = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'a date (YYYY-MM-DD) or a wall-clock minute (YYYY-MM-DDTHH:mm)')
  .transform((v) => (v.length === 10 ? `${v}T00:00` : v))
  .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)), 'not a real date');

const FocusRef = z
  .string()
  .refine((v) => ['event', 'entity'].includes(idKindOf(v) ?? '') || /^(event|entity):[a-z0-9-]+$/.test(v), 'an evt_/ent_ id, or event:<key> / entity:<key>');

export const StoryStep = z.strictObject({
  title: z.string().min(1).max(200),
  /** What the presenter says, in plain text; blank lines separate paragraphs. */
  text: z.string().min(1).max(4000),
  window: z
    .strictObject({ start: WallClock, end: WallClock })
    .refine((w) => w.start < w.end, 'window start must be before its end')
    .nullable(),
  focus: z.array(FocusRef).max(50).default([]),
  citations: z.array(z.string().regex(ID_PATTERN).startsWith('cit_')).max(50).default([]),
});
export type StoryStep = z.infer<typeof StoryStep>;

export const Story = z.strictObject({
  id: z.string().regex(STORY_ID_PATTERN, 'a lowercase slug'),
  caseId: z.string().regex(CASE_ID_PATTERN),
  title: z.string().min(1).max(200),
  summary: z.string().max(1000).default(''),
  steps: z.array(StoryStep).min(1, 'a story has at least one step').max(50),
});
export type Story = z.infer<typeof Story>;

export interface ResolvedStep {
  title: string;
  text: string;
  window: TimeWindow | null;
  eventIds: string[];
  entityIds: string[];
  citationIds: string[];
}

/** Focus references → ids, split by kind. */
export function resolveStep(step: StoryStep, caseId: string): ResolvedStep {
  const eventIds: string[] = [];
  const entityIds: string[] = [];
  for (const ref of step.focus) {
    const m = /^(event|entity):(.+)$/.exec(ref);
    const id = m ? makeId(m[1] as 'event' | 'entity', caseId, m[2]!) : ref;
    (idKindOf(id) === 'event' ? eventIds : entityIds).push(id);
  }
  return { title: step.title, text: step.text, window: step.window, eventIds, entityIds, citationIds: step.citations };
}

/**
 * Every id the story points at that the case does not have: a story written against an older
 * version of the case, or a typo. Checked by the tests for the shipped story and shown to editors.
 */
export function missingReferences(story: Story, has: { events: ReadonlySet<string>; entities: ReadonlySet<string>; citations: ReadonlySet<string> }): string[] {
  const missing: string[] = [];
  story.steps.forEach((s, i) => {
    const r = resolveStep(s, story.caseId);
    for (const id of r.eventIds) if (!has.events.has(id)) missing.push(`steps[${i}].focus: no event ${id}`);
    for (const id of r.entityIds) if (!has.entities.has(id)) missing.push(`steps[${i}].focus: no entity ${id}`);
    for (const id of r.citationIds) if (!has.citations.has(id)) missing.push(`steps[${i}].citations: no citation ${id}`);
  });
  return missing;
}

/**
 * A story as stored (Neo4j, bundles, the API): every focus reference is an id, never a case-file
 * key, so what is stored does not depend on how the case was written. Duplicates are dropped,
 * first occurrence kept (the order is the presenter's order).
 */
export function normalizeStory(story: Story): Story {
  const unique = (xs: readonly string[]) => [...new Set(xs)];
  return {
    ...story,
    steps: story.steps.map((s) => {
      const r = resolveStep(s, story.caseId);
      return { ...s, focus: unique([...r.eventIds, ...r.entityIds]), citations: unique(s.citations) };
    }),
  };
}

/** A title → a story id (slug), for a new story named only by its title (lib/model/ids.ts). */
export { slugify } from '../model/ids';

/** What a new story is sent as (POST): the id is optional, derived from the title when absent. */
export const StoryCreate = z.strictObject({
  id: z.string().regex(STORY_ID_PATTERN, 'a lowercase slug (a-z, 0-9, hyphens)').optional(),
  title: Story.shape.title,
  summary: Story.shape.summary,
  steps: Story.shape.steps,
});
export type StoryCreate = z.input<typeof StoryCreate>;

/**
 * A whole-story save (PUT): title, summary and the ordered steps, with the version the editor
 * started from. A save from an older version is refused (409 with the current version), never a
 * silent overwrite of someone else's work.
 */
export const StoryUpdate = z.strictObject({
  expectedVersion: z.number().int().nonnegative(),
  title: Story.shape.title,
  summary: Story.shape.summary,
  steps: Story.shape.steps,
});
export type StoryUpdate = z.input<typeof StoryUpdate>;

/** A stored story as the API answers it: the story plus its version (the optimistic-lock token). */
export const StoryRecord = z.strictObject({
  ...Story.shape,
  version: z.number().int().positive(),
  updatedAt: z.string().nullable(),
});
export type StoryRecord = z.infer<typeof StoryRecord>;

export const StorySummary = z.strictObject({
  id: Story.shape.id,
  caseId: Story.shape.caseId,
  title: Story.shape.title,
  summary: z.string(),
  steps: z.number().int().nonnegative(),
  version: z.number().int().positive(),
  updatedAt: z.string().nullable(),
});
export type StorySummary = z.infer<typeof StorySummary>;

/**
 * A reference problem of one step, with the path of the field it belongs to, so an editor can show
 * it beside that field (`steps.2.focus`).
 */
export interface StoryProblem {
  path: string;
  message: string;
}

/**
 * Every reference of a (normalised) story that is not a record of its own case: a missing id, or
 * one of another case. `has` holds the ids the case does have.
 */
export function referenceProblems(story: Story, has: { events: ReadonlySet<string>; entities: ReadonlySet<string>; citations: ReadonlySet<string> }): StoryProblem[] {
  const problems: StoryProblem[] = [];
  story.steps.forEach((s, i) => {
    const r = resolveStep(s, story.caseId);
    for (const id of r.eventIds) if (!has.events.has(id)) problems.push({ path: `steps.${i}.focus`, message: `no event ${id} in this case` });
    for (const id of r.entityIds) if (!has.entities.has(id)) problems.push({ path: `steps.${i}.focus`, message: `no entity ${id} in this case` });
    for (const id of r.citationIds) if (!has.citations.has(id)) problems.push({ path: `steps.${i}.citations`, message: `no citation ${id} in this case` });
  });
  return problems;
}

/** Every id a story points at, by kind (for the one query that checks them against the case). */
export function referencedIds(story: Story): { eventIds: string[]; entityIds: string[]; citationIds: string[] } {
  const events = new Set<string>();
  const entities = new Set<string>();
  const citations = new Set<string>();
  for (const s of story.steps) {
    const r = resolveStep(s, story.caseId);
    r.eventIds.forEach((id) => events.add(id));
    r.entityIds.forEach((id) => entities.add(id));
    r.citationIds.forEach((id) => citations.add(id));
  }
  return { eventIds: [...events], entityIds: [...entities], citationIds: [...citations] };
}

/** The same story without the references the case no longer has (what a presenter can show). */
export function withoutMissing(story: Story, has: { events: ReadonlySet<string>; entities: ReadonlySet<string>; citations: ReadonlySet<string> }): Story {
  return {
    ...story,
    steps: story.steps.map((s) => {
      const r = resolveStep(s, story.caseId);
      return {
        ...s,
        focus: [...r.eventIds.filter((id) => has.events.has(id)), ...r.entityIds.filter((id) => has.entities.has(id))],
        citations: s.citations.filter((id) => has.citations.has(id)),
      };
    }),
  };
}
