import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium.js';

/**
 * Real-browser tests against production builds (vite build + vite preview): the app on
 * :4173, and the store harness on :4174 for crash and relaunch tests.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: 'npx vite build --logLevel warn && npx vite preview --port 4173 --strictPort --host 127.0.0.1',
      url: 'http://127.0.0.1:4173/',
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: 'npx vite build -c tests/harness/vite.config.ts --logLevel warn && npx vite preview -c tests/harness/vite.config.ts',
      url: 'http://127.0.0.1:4174/',
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
