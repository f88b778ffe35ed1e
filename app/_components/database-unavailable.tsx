/**
 * The database-down case, shown instead of a crash. Matched by the error's `name`, not by message
 * text and not by importing the classes: pages only need the kind of failure. The same two the read
 * API answers 503 for (app/api/_lib/respond.ts): Neo4j unreachable, or its connection settings
 * missing (which, to a reader, is the same thing).
 */
const UNAVAILABLE = new Set(['DatabaseUnavailableError', 'ConfigurationError']);

export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof Error && UNAVAILABLE.has(error.name);
}

export function DatabaseUnavailableBanner({ what = 'this page' }: { what?: string }) {
  return (
    <div className="tw-banner tw-banner-error" role="alert">
      <p className="tw-banner-title">The database is unavailable.</p>
      <p>
        Timeweave cannot load {what} right now because its database cannot be reached. Nothing has been lost; please
        try again in a moment.
      </p>
    </div>
  );
}
