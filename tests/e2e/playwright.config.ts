import { defineConfig } from '@playwright/test';
import path from 'node:path';

/**
 * e2e in Debian's Chromium (never a downloaded browser: downloads fail on these machines), against
 * a production build served by `next start`. scripts/test.ts builds the app and starts the test
 * Neo4j first; this config only serves the app.
 */
const port = Number(process.env.TIMEWEAVE_TEST_APP_PORT || 3100);
const root = path.resolve(__dirname, '..', '..');

export default defineConfig({
  testDir: __dirname,
  testMatch: /.*\.spec\.ts$/,
  // Per app port, so two runs in one checkout never wipe each other's artifacts.
  outputDir: path.join(root, 'test-results', String(port)),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // Without these, Chromium keeps trying to reach Google's services through a closed network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
  // The resilience spec stops and restarts the database, so it runs alone, after everything else.
  projects: [
    { name: 'app', testIgnore: /resilience\.spec\.ts$/ },
    { name: 'resilience', testMatch: /resilience\.spec\.ts$/, dependencies: ['app'] },
  ],
  webServer: {
    command: `${path.join(root, 'node_modules', '.bin', 'next')} start -p ${port} -H 127.0.0.1`,
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
