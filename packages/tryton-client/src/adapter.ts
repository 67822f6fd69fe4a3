/**
 * What differs between Tryton versions, in one place. 6.0 and 7.x share the same wire format
 * (7.x may append a third element to the login result); 8.0 moves to cookie sessions on
 * `/<db>/rpc/`: such a version gets its own adapter here, and callers do not change.
 */
export interface TrytonAdapter {
  readonly name: string;
  /** The HTTP path of database calls. */
  databasePath(database: string): string;
  /** The Authorization header of a logged-in call. */
  authorization(session: { login: string; userId: number; key: string }): Record<string, string>;
  /** `[user_id, key, ...]` from `common.db.login`. */
  parseLogin(result: unknown): { userId: number; key: string };
}

function parseLogin(result: unknown): { userId: number; key: string } {
  if (!Array.isArray(result) || typeof result[0] !== 'number' || typeof result[1] !== 'string') {
    throw new TypeError('unexpected common.db.login result');
  }
  return { userId: result[0], key: result[1] };
}

/** Tryton 5.x to 7.x: `POST /<db>/`, `Authorization: Session base64(login:id:key)`. */
export const sessionHeaderAdapter: TrytonAdapter = {
  name: 'session-header',
  databasePath: (database) => `/${encodeURIComponent(database)}/`,
  authorization: ({ login, userId, key }) => ({
    authorization: `Session ${Buffer.from(`${login}:${userId}:${key}`).toString('base64')}`,
  }),
  parseLogin,
};

/**
 * The adapter for a `common.server.version` string. Every released version so far speaks
 * the session-header scheme; a cookie-session adapter for 8.0 plugs in here.
 */
export function adapterFor(_version: string): TrytonAdapter {
  return sessionHeaderAdapter;
}
