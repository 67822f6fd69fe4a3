import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

// The gateway writes the schema (pnpm --filter @portal/gateway schema:write).
const schema = fileURLToPath(new URL('../../docs/schema.graphql', import.meta.url));

const config: CodegenConfig = {
  schema,
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        scalars: { Decimal: 'string', Date: 'string', DateTime: 'string' },
      },
    },
    './src/gql/error-codes.ts': { plugins: ['./scripts/error-codes.codegen.cjs'] },
  },
};

export default config;
