import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser/chromium.mjs';

/**
 * End-to-end tests of the examples, in Debian's Chromium (never a downloaded browser), against the
 * demo server: a private Orthanc with the sample studies, proxied on the page's origin.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // About 8 minutes on a quiet 2-core machine; a CI run beside other work once took 3× as long (the
  // MPR and 3D tests stream the 300-slice CT and ray-cast on a software GPU). The limit only stops a
  // hung run: it stays well inside CI's 90 minutes.
  globalTimeout: 45 * 60_000,
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
