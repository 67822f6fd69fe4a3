import type { IncomingMessage } from 'node:http';
import type { Viewer } from '../auth/auth.service.js';
import { badCredential } from '../errors.js';
import type { Wiring } from '../wiring.js';
import { bearerToken, readCookie } from './request.js';

export interface ResolvedViewer {
  viewer: Viewer | null;
  /** A session cookie was sent and is no longer valid: the answer clears it. */
  staleCookie: boolean;
}

/**
 * Who sends the request, from its Bearer token or its session cookie. A token that is not
 * valid throws UNAUTHENTICATED; a stale cookie leaves the request anonymous.
 */
export function viewerResolver(wiring: Wiring) {
  const { auth, config, trytonReady } = wiring;
  return async (req: IncomingMessage): Promise<ResolvedViewer> => {
    const token = bearerToken(req);
    const key = readCookie(req, config.cookie.name);
    if (token === undefined && !key) return { viewer: null, staleCookie: false };
    await trytonReady();
    if (token !== undefined) {
      // An integration that sent a token it believes valid must learn that it is not: as
      // anonymous it would read `viewer: null` and carry on.
      const viewer = await auth.fromToken(token);
      if (!viewer) throw badCredential();
      return { viewer, staleCookie: false };
    }
    // A stale session cookie stays anonymous, and is cleared in the same answer: the browser
    // cannot delete an HttpOnly cookie itself, and the sign-in form it shows next posts its
    // login mutation with that cookie still attached, which a 401 would refuse.
    const viewer = await auth.fromSession(key as string);
    return { viewer, staleCookie: viewer === null };
  };
}

export type ResolveViewer = ReturnType<typeof viewerResolver>;
