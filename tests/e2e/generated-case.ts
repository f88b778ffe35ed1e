import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Generated cases for the e2e tests, loaded and deleted through the project's own commands in a
 * child process: graph/ is server-only (it needs the react-server condition), which the Playwright
 * runner's own process does not have.
 */
const ROOT = path.resolve(__dirname, '..', '..');

function node(args: string[]): void {
  execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', ...args], { cwd: ROOT, stdio: 'inherit' });
}

/** `npm run gen` with these numbers: a deterministic case, loaded as users load one (`chunked`: in batched chunks). */
export function loadGeneratedCase(caseId: string, size: { events: number; entities: number; seed: number; chunked?: boolean }): void {
  const args = ['scripts/gen.ts', '--events', String(size.events), '--entities', String(size.entities), '--seed', String(size.seed), '--case', caseId];
  node(size.chunked ? [...args, '--chunked'] : args);
}

/** Deletes the case and everything in it (graph/import.repo.ts deleteCase). */
export function deleteGeneratedCase(caseId: string): void {
  node([
    '--input-type=module',
    '-e',
    `const m = await import('./graph/import.repo.ts'); const d = await import('./graph/driver.ts'); await (m.default ?? m).deleteCase(${JSON.stringify(caseId)}); await (d.default ?? d).closeDriver();`,
  ]);
}

/** Writes a one-step story into a case (graph/stories.repo.ts createStory), for pages that list or present stories. */
export function createOneStepStory(caseId: string, storyId: string): void {
  const input = { id: storyId, title: 'A walk through the case', steps: [{ title: 'The start', text: 'Where it begins.', window: null }] };
  node([
    '--input-type=module',
    '-e',
    `const m = await import('./graph/stories.repo.ts'); const d = await import('./graph/driver.ts'); await (m.default ?? m).createStory(${JSON.stringify(caseId)}, ${JSON.stringify(input)}); await (d.default ?? d).closeDriver();`,
  ]);
}
