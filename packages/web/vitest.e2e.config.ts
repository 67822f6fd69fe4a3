import { defineConfig } from 'vitest/config';
import { NoEmptyRun } from './e2e/support/no-empty-run';

// Browser tests against the real stack (Tryton, gateway, built app): one file at a time, long
// timeouts for Tryton's start, no jsdom.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // The default output, and a failure when no test passed (all skipped or none run).
    reporters: ['default', new NoEmptyRun()],
  },
});
