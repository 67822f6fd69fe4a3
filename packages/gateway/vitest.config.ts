import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One copy of graphql in tests (stack-facts.md: "another module or realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Each integration file starts its own Tryton; two at a time fit two cores.
    maxWorkers: 2,
  },
});
