// The brand folder's tools, for whoever deploys the portal (docs/branding.md):
//
//   node scripts/brand.mjs check <folder>                       checks brand.json and its files
//   node scripts/brand.mjs snippet <folder> <portal URL> [fr|en]   prints the "Espace client" button
//
// Build-free: Vite's module runner loads the app's own TypeScript (src/brand/), so the rules
// are exactly those the browser applies.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const load = async (path) =>
  (await runnerImport(join(root, path), { configFile: false, logLevel: 'error' })).module;

const [command, folder, portalUrl, language = 'fr'] = process.argv.slice(2);
if (!['check', 'snippet'].includes(command) || !folder || (command === 'snippet' && !portalUrl)) {
  console.error('usage: brand.mjs check <folder> | snippet <folder> <portal URL> [fr|en]');
  process.exit(2);
}
const dir = resolve(folder);
const file = join(dir, 'brand.json');
if (!existsSync(file)) {
  console.error(`${file}: no such file`);
  process.exit(1);
}
const { brandFromText } = await load('src/brand/brand.ts');
const result = brandFromText(readFileSync(file, 'utf8'), '');
for (const error of result.errors) console.error(`error: ${error}`);
for (const warning of result.warnings) console.error(`warning: ${warning}`);
const { brand } = result;
const files = [brand.logo, brand.favicon === '/favicon.svg' ? null : brand.favicon]
  .concat(brand.font.files.map((font) => font.url))
  .filter(Boolean);
const missing = result.errors.length
  ? []
  : files.filter((path) => !existsSync(join(dir, path)) || !statSync(join(dir, path)).isFile());
for (const path of missing) console.error(`error: ${path}: no such file in ${dir}`);
if (result.errors.length || missing.length) process.exit(1);

if (command === 'check') {
  console.log(
    `${file}: ${brand.name}, valid${result.warnings.length ? ' (colours adjusted)' : ''}`,
  );
} else {
  const { espaceClientSnippet } = await load('src/brand/snippet.ts');
  process.stdout.write(espaceClientSnippet(brand, portalUrl, language === 'en' ? 'en' : 'fr'));
}
