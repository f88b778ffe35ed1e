import type { IntegrityProblem } from '../model/bundle';

/**
 * A file that cannot be imported, with every problem found (not just the first), each with where
 * it is (`events[3].start_date.year`, `row 7: Year`). Nothing is written when one is thrown.
 */
export class InterchangeError extends Error {
  override name = 'InterchangeError';
  constructor(
    message: string,
    readonly problems: IntegrityProblem[] = [],
  ) {
    super(problems.length ? `${message}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}` : message);
  }
  /** The first line only, for an HTTP error's `message` (the problems go in `details`). */
  get summary(): string {
    return this.message.split('\n')[0]!.replace(/:$/, '');
  }
}

export function zodProblems(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, prefix = ''): IntegrityProblem[] {
  return issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)', message: i.message }));
}

/** JSON.parse with an error that says what is wrong instead of a stack. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InterchangeError(`the ${what} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}
