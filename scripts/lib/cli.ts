import { closeDriver } from '../../graph/driver';

/** Runs a CLI entry point: prints a clean message (not a stack) on failure and closes the driver. */
export function runCli(name: string, main: () => Promise<number | void>): void {
  main()
    .then(async (code) => {
      await closeDriver();
      process.exit(code ?? 0);
    })
    .catch(async (e: unknown) => {
      console.error(`[${name}] ${e instanceof Error ? e.message : String(e)}`);
      const details = (e as { details?: unknown }).details;
      if (details) console.error(JSON.stringify(details, null, 2));
      await closeDriver().catch(() => {});
      process.exit(1);
    });
}
