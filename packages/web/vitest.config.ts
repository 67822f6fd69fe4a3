import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/test/setup.ts'],
      // Rendering with i18n and typing take seconds on a loaded 2-core machine; the bound
      // catches a hang, nothing here measures speed (src/test/setup.ts: the same for findBy).
      testTimeout: 20_000,
    },
  }),
);
