// Measures the JavaScript a browser downloads before a page can render, from the production
// build's manifest: the entry chunk, the lazy route chunks of that page, and everything they
// import statically. Gzip level 9, as a static server or traefik would compress it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const pages = {
  'sign-in': ['index.html', 'src/features/auth/routes/sign-in.tsx'],
  dashboard: ['index.html', 'src/app/app-shell.tsx', 'src/features/dashboard/routes/dashboard.tsx'],
  orders: ['index.html', 'src/app/app-shell.tsx', 'src/features/orders/routes/orders-list.tsx'],
};

function collect(key, files) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) collect(imported, files);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
let failed = false;
console.log('page        files  raw kB  gzip kB  (budget %d kB gzip)', BUDGET_KB);
for (const [page, keys] of Object.entries(pages)) {
  const files = new Set();
  for (const key of keys) collect(key, files);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(dist, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  const over = gzip / 1024 > BUDGET_KB;
  failed ||= over;
  console.log(
    `${page.padEnd(11)} ${String(files.size).padStart(5)} ${kb(raw).padStart(7)} ${kb(gzip).padStart(8)}${over ? '  OVER BUDGET' : ''}`,
  );
}
process.exit(failed ? 1 : 0);
