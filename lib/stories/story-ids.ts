import { sha256Hex } from '../model/ids';

/**
 * The Story node's id: deterministic, like every record id (lib/model/ids.ts), from the case and
 * the story's slug, so seeding or importing the same story twice finds the same node. The slug
 * stays the story's public id (URLs, the API, bundles); this one only keys the node, and is kept
 * out of ID_PATTERN so no API that takes record ids accepts it.
 */
export const STORY_NODE_PATTERN = /^sty_[0-9a-f]{16}$/;

export function storyNodeId(caseId: string, storyId: string): string {
  return `sty_${sha256Hex(['story', caseId, storyId].join('\u001f')).slice(0, 16)}`;
}
