import { defineConfig } from 'vitest/config';

// Browser tests against the real stack (Tryton, gateway, built app): one file at a time, long
// timeouts for Tryton's start, no jsdom.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    reporters: ['default'],
  },
});
