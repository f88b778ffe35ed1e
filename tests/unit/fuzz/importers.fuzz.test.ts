import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CaseFileError, compileCaseFile } from '../../../lib/case-file/compile';
import { CaseBundle, checkBundleIntegrity } from '../../../lib/model/bundle';
import { SAMPLE_CASE_DIR, readCaseFolder } from '../../../scripts/lib/case-folder';

/**
 * Hostile and broken input thrown at the importers: thousands of generated inputs, each of which
 * must end in a result or in our own clear error (never a TypeError, a RangeError or a hang).
 * Seeded, so a failure reproduces; fast-check shrinks it to the smallest failing input.
 */
const SEED = 20220113;
const caseJson = JSON.parse(readFileSync(path.join(SAMPLE_CASE_DIR, 'case.json'), 'utf8')) as unknown;
const texts = Object.fromEntries(
  readdirSync(path.join(SAMPLE_CASE_DIR, 'sources')).map((f) => [f, readFileSync(path.join(SAMPLE_CASE_DIR, 'sources', f), 'utf8')]),
);
const bundle = readCaseFolder(SAMPLE_CASE_DIR);

/** Nasty scalar values: wrong types, huge numbers, markup, control characters, lone surrogates. */
const nasty = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -1, 1e308, Number.NaN, '', ' ', '\u0000', '\ud800', '<script>x</script>', '2022-13-45', '__proto__', 'constructor'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

/** Replaces the value at a random path of a JSON document (objects and arrays), or deletes it. */
function mutate(doc: unknown, choices: number[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  let node: unknown = copy;
  for (let depth = 0; depth < choices.length; depth++) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[choices[depth]! % keys.length]!;
    const child = (node as Record<string, unknown>)[key];
    const last = depth === choices.length - 1 || child === null || typeof child !== 'object';
    if (last) {
      if (remove) delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = value;
      break;
    }
    node = child;
  }
  return copy;
}

const mutation = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), nasty, fc.boolean());

function compileOrCaseFileError(input: unknown, sources: Record<string, string>): void {
  try {
    compileCaseFile(input, sources);
  } catch (e) {
    assert.ok(e instanceof CaseFileError, `not a CaseFileError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    assert.ok(e.problems.length > 0 && e.message.length > 0);
  }
}

describe('fuzzing the importers', { timeout: 300_000 }, () => {
  it('the case-file compiler: 2,500 arbitrary JSON documents', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (doc) => compileOrCaseFileError(doc, texts)), { seed: SEED, numRuns: 2500 });
  });

  it('the case-file compiler: 3,000 mutations of the real case file', () => {
    fc.assert(
      fc.property(mutation, ([choices, value, remove]) => compileOrCaseFileError(mutate(caseJson, choices, value, remove), texts)),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('the case-file compiler: 1,500 mangled source texts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.nat(), (junk, at) => {
        const [name, text] = Object.entries(texts)[0]!;
        const i = at % (text.length + 1);
        compileOrCaseFileError(caseJson, { [name]: text.slice(0, i) + junk + text.slice(i + junk.length) });
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('the bundle importer: 3,000 mutations of a valid bundle are either valid or refused with problems', () => {
    fc.assert(
      fc.property(mutation, ([choices, value, remove]) => {
        const input = mutate(bundle, choices, value, remove);
        const parsed = CaseBundle.safeParse(input);
        if (parsed.success) {
          const problems = checkBundleIntegrity(parsed.data);
          for (const p of problems) assert.ok(p.path && p.message);
        } else {
          assert.ok(parsed.error.issues.length > 0);
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
