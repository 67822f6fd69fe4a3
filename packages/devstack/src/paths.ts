import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the folder holding pnpm-workspace.yaml above this package. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('devstack: repository root not found');
    dir = parent;
  }
  return dir;
}

/** Where cached databases live (ignored by git). */
export function cacheDir(...parts: string[]): string {
  return resolve(repoRoot(), '.cache', ...parts);
}

/** The folder of the portal_api module (linked into the runtime's modules by tryton/runtime.sh). */
export function portalModuleDir(): string {
  return join(repoRoot(), 'tryton', 'modules', 'portal_api');
}
