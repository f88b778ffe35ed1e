/**
 * `npm run backup -- [--out DIR] [--case ID ...]`: every case (or the named ones) as bundles plus a
 * checksummed manifest, into backups/<timestamp>/ by default.
 * `npm run restore -- DIR`: verifies the manifest, then loads each case (one transaction each).
 */
import path from 'node:path';
import { backupCases, restoreCases } from './lib/backup';
import { runCli } from './lib/cli';

const [command, ...args] = process.argv.slice(2);
const log = (m: string) => console.log(`[${command}] ${m}`);

runCli(command ?? 'backup', async () => {
  if (command === 'backup') {
    const outAt = args.indexOf('--out');
    const dir = path.resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : path.join('backups', new Date().toISOString().replace(/[:.]/g, '-')));
    const ids = args.flatMap((a, i) => (args[i - 1] === '--case' ? [a] : []));
    const manifest = await backupCases(dir, ids.length ? ids : undefined, log);
    log(`${manifest.cases.length} case(s) written to ${dir}`);
    return;
  }
  if (command === 'restore') {
    if (!args[0]) throw new Error('usage: npm run restore -- <backup folder>');
    const restored = await restoreCases(path.resolve(args[0]), log);
    log(`${restored.length} case(s) restored`);
    return;
  }
  throw new Error('usage: backup.ts backup [--out DIR] [--case ID …] | restore DIR');
});
