import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { compileCaseFile } from '../../lib/case-file/compile';
import type { CaseBundle } from '../../lib/model/bundle';
import { Story } from '../../lib/stories/story.schema';

export const SAMPLE_CASE_DIR = path.resolve(__dirname, '..', '..', 'data', 'cases', 'kazakhstan-2022-01');

/**
 * Reads a curated case folder (case.json + sources/*.txt) and compiles it into a bundle. The only
 * I/O around the pure compiler. `overrideCaseId` gives tests their own id space.
 */
export function readCaseFolder(dir: string, overrideCaseId?: string): CaseBundle {
  const file = path.join(dir, 'case.json');
  if (!existsSync(file)) throw new Error(`no case.json in ${dir}`);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { case?: { id?: string } };
  if (overrideCaseId && json.case) json.case.id = overrideCaseId;
  const sourcesDir = path.join(dir, 'sources');
  const texts: Record<string, string> = {};
  if (existsSync(sourcesDir)) {
    for (const name of readdirSync(sourcesDir)) {
      if (name.endsWith('.txt')) texts[name] = readFileSync(path.join(sourcesDir, name), 'utf8');
    }
  }
  return compileCaseFile(json, texts);
}

/**
 * The case folder's stories (stories/{storyId}.json, lib/stories/story.schema.ts): the seed of the
 * stories stored in Neo4j. Each must belong to the folder's case and be named after its id.
 */
export function readCaseStories(dir: string, caseId: string): Story[] {
  const storiesDir = path.join(dir, 'stories');
  if (!existsSync(storiesDir)) return [];
  return readdirSync(storiesDir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => {
      const story = Story.parse(JSON.parse(readFileSync(path.join(storiesDir, name), 'utf8')));
      if (story.caseId !== caseId || `${story.id}.json` !== name) {
        throw new Error(`${path.join(storiesDir, name)}: a story of case "${caseId}" named "<id>.json" was expected`);
      }
      return story;
    });
}

/** The case folder as one bundle with its stories, for the loaders that seed Neo4j (case:load, npm start, the test database). */
export function readCaseFolderWithStories(dir: string): CaseBundle {
  const bundle = readCaseFolder(dir);
  const stories = readCaseStories(dir, bundle.case.id);
  return stories.length ? { ...bundle, stories } : bundle;
}
