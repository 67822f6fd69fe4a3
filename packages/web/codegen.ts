import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

// The gateway writes the authoritative SDL; the contract copy lets the app build before it exists.
const generatedSdl = fileURLToPath(new URL('../../docs/schema.graphql', import.meta.url));
const contractSdl = fileURLToPath(new URL('./schema/contract.graphql', import.meta.url));

const config: CodegenConfig = {
  schema: existsSync(generatedSdl) ? generatedSdl : contractSdl,
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
  },
};

export default config;
