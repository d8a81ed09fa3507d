import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser/chromium.mjs';

/**
 * End-to-end tests of the examples, in Debian's Chromium (never a downloaded browser), against the
 * demo server: a private Orthanc with the sample studies, proxied on the page's origin.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // The demo loads the 300-slice CT into Orthanc first; the tests themselves are quick.
  globalTimeout: 20 * 60_000,
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.cache/test-results/playwright.json' }]],
  use: {
    headless: true,
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  outputDir: '.cache/test-results/playwright',
});
