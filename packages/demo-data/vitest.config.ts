import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The first run builds the Tryton 7.6 demo database (about 3 minutes on 2 idle cores,
    // more on a busy machine); later runs copy it.
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
