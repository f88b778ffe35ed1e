import type { ManagedTransaction } from 'neo4j-driver';
import '../lib/zod';
import { z } from 'zod';
import {
  Story,
  StoryCreate,
  StoryRecord,
  StoryStep,
  StorySummary,
  StoryUpdate,
  normalizeStory,
  referenceProblems,
  referencedIds,
  slugify,
  withoutMissing,
  type StoryProblem,
} from '../lib/stories/story.schema';
import { storyNodeId } from '../lib/stories/story-ids';
import { toPlain, type Props } from './decode';
import { read, writeTransaction } from './driver';
import { ConflictError, InvariantError, NotFoundError, StaleVersionError } from './errors';
import {
  CREATE_MISSING_STORIES,
  CREATE_STORY,
  DELETE_STORY,
  GET_STORY,
  LIST_STORIES,
  LOCK_STORY,
  MERGE_STORIES,
  PRUNE_STORIES,
  STORY_REFERENCES_IN_CASE,
  UPDATE_STORY,
} from './queries/stories.queries';

/**
 * Stories in Neo4j. Why one node with the steps as a validated JSON document rather than Step
 * nodes: a story is read and saved whole (the editor sends every step, in order, with one
 * version), steps have no identity of their own (a presenter addresses them by position), and a
 * document keeps the order, the version and the content in one place that a single SET replaces
 * atomically. The references are checked against the case inside the save's transaction (below),
 * so what is stored always pointed at this case's records when it was saved; a record removed
 * later is skipped by the presenter and flagged in the editor, as the file-based stories were.
 */

const StoredSteps = z.array(StoryStep);

interface StoryRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  steps: string;
}

function rowOf(story: Story): StoryRow {
  return { id: storyNodeId(story.caseId, story.id), slug: story.id, title: story.title, summary: story.summary, steps: JSON.stringify(story.steps) };
}

function decode(raw: unknown): StoryRecord {
  const p = toPlain(raw) as Props;
  return StoryRecord.parse({
    id: p.slug,
    caseId: p.caseId,
    title: p.title,
    summary: p.summary ?? '',
    steps: StoredSteps.parse(JSON.parse(String(p.steps))),
    version: p.version,
    updatedAt: p.updatedAt ?? null,
  });
}

const problemsOf = (issues: readonly z.core.$ZodIssue[]): StoryProblem[] =>
  issues.map((i) => ({ path: i.path.map(String).join('.') || 'body', message: i.message }));

function refuse(problems: StoryProblem[]): never {
  throw new InvariantError(`refused: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
}

function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) refuse(problemsOf(parsed.error.issues));
  return parsed.data;
}

/** Refuses (nothing written) when any reference is not a record of the story's own case. */
async function requireReferencesInCase(tx: ManagedTransaction, story: Story): Promise<void> {
  const rec = (await tx.run(STORY_REFERENCES_IN_CASE, { caseId: story.caseId, ...referencedIds(story) })).records[0];
  if (!rec) throw new NotFoundError(`no case "${story.caseId}"`);
  const has = {
    events: new Set(rec.get('events') as string[]),
    entities: new Set(rec.get('entities') as string[]),
    citations: new Set(rec.get('citations') as string[]),
  };
  const problems = referenceProblems(story, has);
  if (problems.length) refuse(problems);
}

export async function listStories(caseId: string): Promise<StorySummary[]> {
  const res = await read(LIST_STORIES, { caseId });
  return res.records.map((r) => {
    const s = decode(r.get('story'));
    return StorySummary.parse({ id: s.id, caseId: s.caseId, title: s.title, summary: s.summary, steps: s.steps.length, version: s.version, updatedAt: s.updatedAt });
  });
}

export async function getStory(caseId: string, storyId: string): Promise<StoryRecord | null> {
  const rec = (await read(GET_STORY, { caseId, id: storyNodeId(caseId, storyId) })).records[0];
  return rec ? decode(rec.get('story')) : null;
}

/**
 * A new story (version 1), in one transaction with the check of its references. The id is the
 * given slug, or one made from the title; a story of that id already in the case is a conflict.
 */
export async function createStory(caseId: string, input: unknown, userId: string | null = null): Promise<StoryRecord> {
  const body = parseOrRefuse(StoryCreate, input);
  const id = body.id ?? slugify(body.title);
  if (!id) refuse([{ path: 'id', message: 'give the story an id (a-z, 0-9, hyphens): its title has no letters or digits to make one from' }]);
  const story = normalizeStory(parseOrRefuse(Story, { id, caseId, title: body.title, summary: body.summary, steps: body.steps }));
  return writeTransaction(async (tx) => {
    if ((await tx.run(GET_STORY, { caseId, id: storyNodeId(caseId, id) })).records.length) {
      throw new ConflictError(`the case already has a story "${id}": choose another id or title`);
    }
    await requireReferencesInCase(tx, story);
    const rec = (await tx.run(CREATE_STORY, { caseId, row: rowOf(story), userId })).records[0];
    if (!rec) throw new NotFoundError(`no case "${caseId}"`);
    return decode(rec.get('story'));
  });
}

/**
 * Saves a whole story (title, summary, every step in order) in one transaction, if it is still at
 * `expectedVersion`; otherwise a StaleVersionError (409) carrying the current version, and
 * nothing is written. Saving the same content again does not move the version.
 */
export async function updateStory(caseId: string, storyId: string, input: unknown, userId: string | null = null): Promise<StoryRecord> {
  const body = parseOrRefuse(StoryUpdate, input);
  const story = normalizeStory(parseOrRefuse(Story, { id: storyId, caseId, title: body.title, summary: body.summary, steps: body.steps }));
  const id = storyNodeId(caseId, storyId);
  return writeTransaction(async (tx) => {
    const locked = (await tx.run(LOCK_STORY, { caseId, id })).records[0];
    if (!locked) throw new NotFoundError(`no story "${storyId}" in case "${caseId}"`);
    const current = Number(toPlain(locked.get('version')));
    if (current !== body.expectedVersion) {
      throw new StaleVersionError(`someone else saved this story meanwhile (version ${current}; this edit started from ${body.expectedVersion})`, current);
    }
    await requireReferencesInCase(tx, story);
    const rec = (await tx.run(UPDATE_STORY, { caseId, id, row: rowOf(story), userId })).records[0]!;
    return decode(rec.get('story'));
  });
}

/** Deletes a story; with `expectedVersion`, only if nobody saved it since (else StaleVersionError). */
export async function deleteStory(caseId: string, storyId: string, expectedVersion?: number): Promise<void> {
  const id = storyNodeId(caseId, storyId);
  await writeTransaction(async (tx) => {
    const locked = (await tx.run(LOCK_STORY, { caseId, id })).records[0];
    if (!locked) throw new NotFoundError(`no story "${storyId}" in case "${caseId}"`);
    const current = Number(toPlain(locked.get('version')));
    if (expectedVersion !== undefined && current !== expectedVersion) {
      throw new StaleVersionError(`someone else saved this story meanwhile (version ${current}; expected ${expectedVersion})`, current);
    }
    await tx.run(DELETE_STORY, { caseId, id });
  });
}

/**
 * The stories of a case bundle, inside the import's own transaction (graph/import.repo.ts): each
 * is upserted (the bundle's content wins), and with `prune` the case keeps no other story (a
 * restore). References were checked with the rest of the bundle (checkBundleIntegrity), and the
 * records they point at are written by the same transaction.
 */
export async function writeBundleStories(tx: ManagedTransaction, caseId: string, stories: readonly Story[], options: { prune: boolean }): Promise<void> {
  const rows = stories.map((s) => rowOf(normalizeStory(s)));
  if (rows.length) await tx.run(MERGE_STORIES, { caseId, rows });
  if (options.prune) await tx.run(PRUNE_STORIES, { caseId, ids: rows.map((r) => r.id) });
}

/**
 * Seeds the stories a case does not have yet, leaving existing ones (and editors' edits) alone:
 * for a database that already held the case before stories were stored in it. One transaction.
 */
export async function seedMissingStories(caseId: string, stories: readonly Story[]): Promise<void> {
  if (!stories.length) return;
  const normalized = stories.map(normalizeStory);
  await writeTransaction(async (tx) => {
    // The case may have changed since the file was written: keep what it still has rather than
    // refuse to start (the presenter would skip the rest anyway).
    const all = normalized.reduce(
      (acc, s) => {
        const r = referencedIds(s);
        return { eventIds: [...acc.eventIds, ...r.eventIds], entityIds: [...acc.entityIds, ...r.entityIds], citationIds: [...acc.citationIds, ...r.citationIds] };
      },
      { eventIds: [] as string[], entityIds: [] as string[], citationIds: [] as string[] },
    );
    const rec = (await tx.run(STORY_REFERENCES_IN_CASE, { caseId, ...all })).records[0];
    if (!rec) throw new NotFoundError(`no case "${caseId}"`);
    const has = { events: new Set(rec.get('events') as string[]), entities: new Set(rec.get('entities') as string[]), citations: new Set(rec.get('citations') as string[]) };
    await tx.run(CREATE_MISSING_STORIES, { caseId, rows: normalized.map((s) => rowOf(withoutMissing(s, has))) });
  });
}
