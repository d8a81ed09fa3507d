import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../src/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Stories use the elements' TypeScript sources directly, like the tests.
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['@fovea/source', ...defaultClientConditions] };
    // The decoder and render workers are module workers (top-level await): bundle them as ES.
    viteConfig.worker = { ...viteConfig.worker, format: 'es' };
    return viteConfig;
  },
};
export default config;
