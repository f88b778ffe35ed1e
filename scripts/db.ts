/**
 * Local Neo4j for development:  tsx scripts/db.ts start | stop | status
 *
 * `start` fetches Neo4j from Maven Central on first use, starts it in the background and returns
 * once it accepts Bolt logins; the server keeps running after this command exits. With NEO4J_URI
 * set the app talks to that external Neo4j, so start/stop leave the local one alone.
 */
import * as path from 'node:path';
import { localConnection, start, status, stop } from '../graph/local-neo4j';

const log = (msg: string): void => console.log(`[db] ${msg}`);

async function main(command: string | undefined): Promise<number> {
  const external = process.env.NEO4J_URI;
  switch (command) {
    case 'start':
    case 'stop':
      if (external) {
        log(`NEO4J_URI is set (${external}): using that external Neo4j, not ${command === 'start' ? 'starting' : 'stopping'} the local one`);
        return 0;
      }
      if (command === 'stop') {
        await stop({ log });
        return 0;
      }
      {
        const { uri } = await start({ log });
        const { username } = localConnection();
        const passwordFrom = process.env.TIMEWEAVE_NEO4J_PASSWORD
          ? 'TIMEWEAVE_NEO4J_PASSWORD'
          : path.join('.neo4j', 'password');
        log(`connect with ${uri}, user ${username}, password in ${passwordFrom}`);
      }
      return 0;
    case 'status': {
      const s = await status();
      if (external) log(`NEO4J_URI is set (${external}): the app uses that external Neo4j`);
      log(`local Neo4j: ${s.state}${s.pid !== null ? ` (pid ${s.pid}${s.listening ? '' : ', not listening yet'})` : ''}`);
      log(`uri:  ${s.uri}`);
      log(`data: ${s.dataDir} (${(s.dataBytes / 1024 / 1024).toFixed(1)} MiB)`);
      log(`log:  ${s.logFile}`);
      return 0;
    }
    default:
      console.error('usage: tsx scripts/db.ts start|stop|status');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    // Only set the exit code: the started server is detached and unref'd, so Node exits by itself.
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`[db] ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
