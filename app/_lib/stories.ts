import 'server-only';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CASE_ID_PATTERN } from '@/lib/model/ids';
import { STORY_ID_PATTERN, Story } from '@/lib/stories/story.schema';

/**
 * Stories ship as data beside their case: data/cases/{caseId}/stories/{storyId}.json, validated
 * by lib/stories/story.schema.ts. Both ids are checked against their slug patterns before they
 * touch the file system, so a URL cannot name a path outside that folder.
 */
const storiesDir = (caseId: string) => path.join(process.cwd(), 'data', 'cases', caseId, 'stories');

export async function getStory(caseId: string, storyId: string): Promise<Story | null> {
  if (!CASE_ID_PATTERN.test(caseId) || !STORY_ID_PATTERN.test(storyId)) return null;
  let text: string;
  try {
    text = await readFile(path.join(storiesDir(caseId), `${storyId}.json`), 'utf8');
  } catch {
    return null;
  }
  const story = Story.parse(JSON.parse(text));
  return story.caseId === caseId && story.id === storyId ? story : null;
}

export async function listStories(caseId: string): Promise<Array<Pick<Story, 'id' | 'title'>>> {
  if (!CASE_ID_PATTERN.test(caseId)) return [];
  const names = await readdir(storiesDir(caseId)).catch(() => [] as string[]);
  const stories = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => getStory(caseId, n.slice(0, -5)).catch(() => null)));
  return stories.filter((s): s is Story => s !== null).map(({ id, title }) => ({ id, title }));
}
