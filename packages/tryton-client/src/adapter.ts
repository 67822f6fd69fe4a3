/**
 * What differs between Tryton series on the wire, in one place. The client picks the adapter
 * from `common.server.version` before its first login; callers never see it.
 */
export interface TrytonAdapter {
  readonly name: string;
  /** The HTTP path of server-level calls (`common.server.version`, `common.db.list`). */
  readonly serverPath: string;
  /** The HTTP path of database calls. */
  databasePath(database: string): string;
  /** The Authorization header of a logged-in call. */
  authorization(session: { login: string; userId: number; key: string }): Record<string, string>;
  /** `{ userId, key }` from `common.db.login`; a `TypeError` for any other shape. */
  parseLogin(result: unknown): { userId: number; key: string };
  /**
   * Tryton accepts a session only from the address that created it (7.8 and later). A call
   * that forwards a client's address (`X-Forwarded-For`, trusted by `[web] num_proxies`) is
   * then from that address to Tryton, so the client opens a session per forwarded address.
   */
  readonly sessionPerAddress: boolean;
}

const isId = (value: unknown): value is number => typeof value === 'number';
const isKey = (value: unknown): value is string => typeof value === 'string';

function loginError(): TypeError {
  return new TypeError('unexpected common.db.login result');
}

/** `Session base64(login:id:key)`: every series so far accepts it. */
function sessionHeader({ login, userId, key }: { login: string; userId: number; key: string }) {
  return {
    authorization: `Session ${Buffer.from(`${login}:${userId}:${key}`).toString('base64')}`,
  };
}

/** Tryton 5.x to 7.6: `POST /<db>/`, server calls on `/`, login answers `[user_id, key]`. */
export const sessionHeaderAdapter: TrytonAdapter = {
  name: 'session-header',
  serverPath: '/',
  databasePath: (database) => `/${encodeURIComponent(database)}/`,
  authorization: sessionHeader,
  parseLogin(result) {
    if (!Array.isArray(result) || result.length !== 2) throw loginError();
    const [userId, key] = result as unknown[];
    if (!isId(userId) || !isKey(key)) throw loginError();
    return { userId, key };
  },
  sessionPerAddress: false,
};

/**
 * Tryton 7.8 and later (8.0 LTS): `POST /<db>/rpc/`, server calls on `/rpc/` (the old paths
 * answer 405), login answers `[user_id, key, bus_url | null]`, sessions bound to the address
 * that created them. The `Session` header still works; 8.0's cookie sessions are not used,
 * since their cookie is `Secure` (dropped over plain HTTP) and the header serves every series.
 */
export const rpcPathAdapter: TrytonAdapter = {
  name: 'rpc-path',
  serverPath: '/rpc/',
  databasePath: (database) => `/${encodeURIComponent(database)}/rpc/`,
  authorization: sessionHeader,
  parseLogin(result) {
    if (!Array.isArray(result) || result.length !== 3) throw loginError();
    const [userId, key, busUrl] = result as unknown[];
    if (!isId(userId) || !isKey(key) || !(busUrl === null || typeof busUrl === 'string')) {
      throw loginError();
    }
    return { userId, key };
  },
  sessionPerAddress: true,
};

/**
 * Every adapter, oldest first: the order in which `serverVersion()` tries their server paths
 * while the series is unknown (the production series, 7.6, answers the first try).
 */
export const ADAPTERS: readonly TrytonAdapter[] = [sessionHeaderAdapter, rpcPathAdapter];

/**
 * The adapter for a `common.server.version` answer (`'7.6'`, `'6.0.29'`): `rpcPathAdapter`
 * from 7.8 on, `sessionHeaderAdapter` before. A `RangeError` for anything else.
 */
export function adapterFor(version: string): TrytonAdapter {
  const match = /^(\d+)\.(\d+)(?:\.|$)/.exec(version);
  if (!match) throw new RangeError(`unrecognized Tryton version ${JSON.stringify(version)}`);
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 7 || (major === 7 && minor >= 8) ? rpcPathAdapter : sessionHeaderAdapter;
}
