import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { compileCaseFile } from '../../lib/case-file/compile';
import type { CaseBundle } from '../../lib/model/bundle';

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
