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
