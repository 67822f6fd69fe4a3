import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * Serves a brand folder at /brand/ from the dev and preview servers, as nginx serves the folder
 * mounted in production (deploy/web/nginx.conf): a file of the folder, or 404, never the SPA's
 * index.html; a missing brand.json is 204, "no brand mounted" (a 404 would be a console error on
 * every page). `dir` null: no brand mounted.
 */
export function brandFolderMiddleware(dir: string | null): Connect.NextHandleFunction {
  const root = dir ? resolve(dir) : null;
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    if (!path.startsWith('/brand/')) return next();
    const file = root ? resolve(root, `.${path.slice('/brand'.length)}`) : null;
    const type = file ? TYPES[extname(file).toLowerCase()] : undefined;
    let found = false;
    try {
      found = Boolean(root && file?.startsWith(root + sep) && type && statSync(file).isFile());
    } catch {
      found = false;
    }
    if (!found || !file || !type) {
      if (path === '/brand/brand.json') {
        res.statusCode = 204;
        res.setHeader('cache-control', 'no-cache');
        res.end();
        return;
      }
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found');
      return;
    }
    res.setHeader('content-type', type);
    res.setHeader('cache-control', 'no-cache');
    createReadStream(file).pipe(res);
  };
}

/** The Vite plugin: /brand/ from `dir` in `vite` (dev) and `vite preview`. */
export function brandFolder(dir: string | null): Plugin {
  const middleware = brandFolderMiddleware(dir);
  return {
    name: 'portal-brand-folder',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
