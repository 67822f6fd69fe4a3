import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError } from '../errors.js';
import { bucketKey } from '../quotas/rate-limit.js';
import type { Wiring } from '../wiring.js';
import { type DownloadPermissions, permitted } from './download-permissions.js';
import { handleDownload } from './downloads.js';
import { handleExport } from './exports.js';
import { clientIp, requestedLanguage } from './request.js';
import { sendError } from './respond.js';
import type { ResolveViewer } from './viewer.js';

/**
 * GET /downloads/…: a signed-in customer's (or token's) own files and exports, charged to
 * their quota bucket; anonymous callers get 401, a role or token without the read permission
 * of the GraphQL field reading the same data 403 FORBIDDEN (download-permissions.ts).
 */
export function downloadsRoute(
  wiring: Wiring,
  resolveViewer: ResolveViewer,
  filePermissions: DownloadPermissions,
) {
  const { config, bucket } = wiring;
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const { viewer } = await resolveViewer(req);
    if (!viewer) {
      return sendError(res, 401, new GatewayError('UNAUTHENTICATED', 'Sign in to download.'));
    }
    // The role's (or the token's) scopes first: a refused file costs nothing, not even quota.
    if (!permitted(filePermissions, url.pathname, viewer.customer, res)) return;
    const language = requestedLanguage(req) ?? viewer.customer.language;
    const services = wiring.services(viewer, language)();
    const quota = {
      bucket,
      key: bucketKey(viewer, clientIp(req, config.trustProxyHops)),
      limits: config.quotas.customer,
    };
    if (url.pathname.startsWith('/downloads/exports/')) {
      return await handleExport(url, services, language, res, quota, config.exports);
    }
    await handleDownload(
      url.pathname,
      url.searchParams.get('inline') === '1',
      services,
      res,
      quota,
    );
  };
}
