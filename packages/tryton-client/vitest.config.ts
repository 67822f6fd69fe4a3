import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The first run builds a Tryton database (about a minute); later runs copy it.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // expectTypeOf asserts nothing at run time: these files are also type-checked by vitest
    // (tsc), each failed type assertion failing its test, without starting Tryton.
    typecheck: {
      enabled: true,
      include: ['src/fields.test.ts', 'test/sales.test.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
