import '../zod';
import { z } from 'zod';
import { STORY_ID_PATTERN } from '../stories/story.schema';
import { CaseIdParam } from './params';

/** Path and query parameters of the stories API (app/api/cases/[caseId]/stories). */
export const StoryParams = CaseIdParam.extend({ storyId: z.string().regex(STORY_ID_PATTERN, 'not a valid story id (a lowercase slug)') });

export const StoryDeleteQuery = z.strictObject({
  expectedVersion: z.coerce.number().int().positive().optional(),
});

/** The biggest story the schema allows (50 steps of 4,000 characters) fits with room to spare. */
export const STORY_BODY_LIMIT = 512 * 1024;
