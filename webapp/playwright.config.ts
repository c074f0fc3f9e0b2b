import { defineConfig } from '@playwright/test';

/**
 * The browser journeys (e2e/*.spec.ts) against a running NetChat server at BASE_URL, in the system's Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium): no browser is ever downloaded. One worker: the journeys share one
 * server on a two-core machine, and one of them restarts it. No retries: a journey that passes only the second
 * time has a bug. Two projects: `journeys` (BrowserJourneyIT, `npm run e2e`) against one server, and `failover`
 * (LoadBalancerFailoverIT, `npm run e2e:failover`) against two nodes behind the balancer. The list reporter names
 * every test in the output.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  outputDir: process.env.E2E_OUTPUT_DIR || 'test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  // A check may post a few hundred messages or wait for a reconnection: minutes, not Playwright's 30 s.
  timeout: 5 * 60_000,
  // A hung browser must not hang the build that runs this.
  globalTimeout: 24 * 60_000,
  projects: [
    { name: 'journeys', testIgnore: 'failover.spec.ts' },
    { name: 'failover', testMatch: 'failover.spec.ts' },
  ],
  reporter: [['list'], ['junit', { outputFile: process.env.E2E_JUNIT_FILE || 'test-results/junit.xml' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    // Pages a journey opens itself take playwright-core's defaults, as they did under the old runner; the
    // people's own pages (newPersonPage) wait E2E_TIMEOUT_MS, 15 s by default.
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    // Every open page, also those of the contexts a journey keeps across its tests (created in beforeAll).
    screenshot: { mode: 'only-on-failure', fullPage: true },
    trace: 'off',
    video: 'off',
  },
});
