import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The first run builds a Tryton database (about a minute); later runs copy it.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
