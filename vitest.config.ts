import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './scripts/browser/chromium.mjs';
import { goldenCommands } from './scripts/golden/golden-commands.mjs';
import { freePort } from './scripts/orthanc/ports.mjs';

/**
 * Two projects: `node` (unit and integration tests beside the code, Orthanc started by the tests
 * that need it) and `browser` (`*.browser.test.ts`, in Debian's Chromium with WebGPU on SwiftShader).
 */
export default defineConfig(async (): Promise<ViteUserConfig> => {
  // The browser project's Orthanc must be known before the Vite server starts, to proxy to it.
  const orthancPort = Number(process.env.FOVEA_BROWSER_ORTHANC_PORT) || (await freePort());
  process.env.FOVEA_BROWSER_ORTHANC_PORT = String(orthancPort);
  const orthanc = `http://127.0.0.1:${orthancPort}`;
  return {
    // Workspace packages resolve to their TypeScript sources, so tests need no build first.
    resolve: { conditions: ['@fovea/source', ...defaultClientConditions] },
    ssr: { resolve: { conditions: ['@fovea/source', ...defaultServerConditions] } },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.mjs', 'bench/**/*.test.mjs'],
            exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
        {
          extends: true,
          server: { host: '127.0.0.1', proxy: { '/dicom-web': orthanc, '/wado': orthanc } },
          // Found up front, not mid-run: a dependency discovered inside a worker makes Vite
          // re-optimise and reload the page, failing whatever was loading.
          optimizeDeps: {
            include: [
              '@fovea/render > webgpu-utils',
              '@fovea/codecs > comlink',
              '@fovea/codecs > @cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
              '@fovea/codecs > @cornerstonejs/codec-charls/decodewasmjs',
              '@fovea/codecs > @cornerstonejs/codec-openjpeg/decodewasmjs',
              '@fovea/codecs > @cornerstonejs/codec-openjph/wasmjs',
            ],
          },
          test: {
            name: 'browser',
            globalSetup: ['scripts/orthanc/vitest-browser-setup.mjs'],
            include: ['packages/*/src/**/*.browser.test.ts'],
            testTimeout: 60_000,
            browser: {
              enabled: true,
              headless: true,
              provider: playwright({ launchOptions: chromiumLaunchOptions }),
              instances: [{ browser: 'chromium' }],
              api: { host: '127.0.0.1' },
              // Node-side helpers of the golden tests: dcmtk reference renderings and the test plan.
              commands: goldenCommands,
            },
          },
        },
      ],
    },
  };
});
