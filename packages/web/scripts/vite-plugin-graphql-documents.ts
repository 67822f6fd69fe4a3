import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const IMPORT = /import\s*\{\s*graphql\s*\}\s*from\s*['"]@\/gql['"];?/;
// In the generated gql.ts: `    "<document source>": types.<ExportName>,`
const ENTRY = /^\s+("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm;

/**
 * Production-build twin of the client preset's Babel plugin (Vite 8 compiles with Oxc, not
 * Babel): replaces each `graphql(`…`)` call with a direct import of its generated document,
 * so the bundle never carries gql.ts's map of every document keyed by its source text.
 * Newlines are kept so source maps still point at the right lines.
 */
export function graphqlDocuments(gqlFile: string): Plugin {
  let documents: Map<string, string> | undefined;
  const load = () => {
    const text = readFileSync(gqlFile, 'utf8');
    return new Map(
      [...text.matchAll(ENTRY)].map(([, key, name]) => [JSON.parse(key as string), name as string]),
    );
  };
  return {
    name: 'portal:graphql-documents',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/(?!gql\/).*\.tsx?$/.test(id) || !IMPORT.test(code)) return;
      documents ??= load();
      const used = new Set<string>();
      const replaced = code.replace(CALL, (call, source: string) => {
        const name = documents?.get(source);
        if (!name) this.error(`${id}: document not generated, run \`pnpm codegen\``);
        used.add(name);
        return `__document_${name}${'\n'.repeat(call.split('\n').length - 1)}`;
      });
      const imports = [...used].map((name) => `${name} as __document_${name}`).join(', ');
      return {
        code: replaced.replace(IMPORT, `import { ${imports} } from '@/gql/graphql';`),
        map: null,
      };
    },
  };
}
