import { ADAPTERS, adapterFor, sessionHeaderAdapter, type TrytonAdapter } from './adapter.js';
import {
  isTrytonError,
  ProtocolError,
  QueueFullError,
  QueueTimeoutError,
  SessionExpiredError,
  type TrytonError,
  UnavailableError,
} from './errors.js';
import { Model } from './model.js';
import { RetryBudget } from './retry-budget.js';
import { OWN, type Session, Sessions } from './sessions.js';
import { Transport } from './transport.js';

/** A Tryton context: sent as the last positional parameter of every model call. */
export type Context = Record<string, unknown>;

/** A Tryton domain: clauses `[field, operator, value]`, `'OR'`/`'AND'`, nested lists. */
export type Domain = unknown[];

export interface CallOptions {
  /** Merged over the user's preferences context (company, language). */
  context?: Context;
  signal?: AbortSignal;
  /**
   * Extra HTTP headers of this call, e.g. `{ 'x-forwarded-for': clientIp }`. Names are sent
   * lower-cased. Headers the client sets itself or that frame the request (`authorization`,
   * `content-type`, `content-length`, `host`, `cookie`...) are refused with a `TypeError`,
   * as are names and values that are not valid HTTP. Kept on retries and on the replay after
   * a re-login; the re-login itself sends none.
   */
  headers?: Record<string, string>;
}

/** Headers a caller may not set: the client's own, and those that frame the request. */
const RESERVED_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'host',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** `options.headers`, checked and lower-cased. */
function extraHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name)) throw new TypeError(`Invalid header name ${JSON.stringify(name)}`);
    if (RESERVED_HEADERS.has(lower)) throw new TypeError(`The client sets ${lower} itself`);
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw new TypeError(`Invalid value for header ${lower}`);
    }
    checked[lower] = value;
  }
  return checked;
}

/** What the `onCall` hook receives after every call. */
export interface CallEvent {
  method: string;
  /** `sale.sale` for `model.sale.sale.read`. */
  model?: string;
  durationMs: number;
  outcome: 'ok' | 'error';
  errorCode?: string;
  bytesSent: number;
  bytesReceived: number;
  /** 0 for the first try, then 1, 2... for retries and the replay after a re-login. */
  attempt: number;
}

export interface TrytonClientOptions {
  /** The server root, e.g. `http://127.0.0.1:8000`. */
  url: string;
  database: string;
  /** Calls in flight to this Tryton at once; the others queue. Default 8. */
  maxInFlight?: number;
  /** Per call, queueing excluded. Default 30 s. */
  timeoutMs?: number;
  /**
   * The longest a call waits for one of the `maxInFlight` slots before failing with
   * `QueueTimeoutError` (an `UnavailableError`, never retried). Default 5 s: a caller learns
   * that Tryton is saturated quickly rather than queueing behind it without bound.
   */
  queueTimeoutMs?: number;
  /**
   * The most calls that wait for a slot at once. One more fails at once with `QueueFullError`
   * (an `UnavailableError`, never retried) instead of queueing. Default `16 × maxInFlight`
   * (128): at Tryton's usual 10-50 ms a call, a full queue drains in well under a second; a
   * Tryton slowed to seconds a call fills it, and the calls beyond are refused at once.
   */
  maxQueued?: number;
  /**
   * Retries of idempotent reads (search, read, search_read, search_count, fields_get...) on
   * connection errors and HTTP 502/503/504, with exponential backoff and jitter, within a
   * retry budget. Writes and buttons never retry. Default: 2 attempts more, from 100 ms; the
   * retries of the whole client at most 10 % of its first tries, plus a reserve of 10.
   */
  retry?: { attempts?: number; baseDelayMs?: number; budget?: number; reserve?: number };
  hooks?: { onCall?: (event: CallEvent) => void };
  /** The language of the login call. Default `en`. */
  language?: string;
  /**
   * Pins the version adapter. Unset, the client asks `common.server.version` once, before its
   * first login (or at the first `serverVersion()`), and picks it with `adapterFor`.
   */
  adapter?: TrytonAdapter;
}

/**
 * Sessions kept for forwarded client addresses where Tryton binds sessions to addresses
 * (8.0): one login per new address, the least recently used logged out beyond this.
 */
const ADDRESS_SESSIONS = 256;

const READ_METHODS = new Set([
  'search',
  'read',
  'search_read',
  'search_count',
  'fields_get',
  'default_get',
  'get_preferences',
]);

function isIdempotent(method: string): boolean {
  if (method.startsWith('common.')) return method !== 'common.db.login';
  const last = method.slice(method.lastIndexOf('.') + 1);
  return method.startsWith('model.') && READ_METHODS.has(last);
}

/** The header that makes Tryton see a call as from `address` (none for the own session). */
function forwarding(address: string): Record<string, string> {
  return address === OWN ? {} : { 'x-forwarded-for': address };
}

function modelOf(method: string): string | undefined {
  const match = /^(?:model|wizard|report)\.(.+)\.[^.]+$/.exec(method);
  return match?.[1];
}

/**
 * A client for one Tryton database: typed model calls, one session shared by all calls, one
 * re-login for any number of concurrent calls that meet an expired session.
 */
export class TrytonClient {
  readonly database: string;
  private readonly transport: Transport;
  private readonly options: TrytonClientOptions;
  private adapter: TrytonAdapter;
  /** Pinned by `options.adapter`, or picked from the server's version. */
  private adapterKnown: boolean;
  #version: string | undefined;
  private readonly sessions = new Sessions(ADDRESS_SESSIONS);
  /** Kept to log in again once when the session expires; never in errors or logs. */
  #password: string | undefined;
  private prefs: Context = {};
  private readonly retryBudget: RetryBudget;

  constructor(options: TrytonClientOptions) {
    this.options = options;
    this.database = options.database;
    const url = new URL(options.url);
    this.transport = new Transport(url.origin, {
      maxInFlight: options.maxInFlight ?? 8,
      timeoutMs: options.timeoutMs ?? 30_000,
      queueTimeoutMs: options.queueTimeoutMs ?? 5_000,
      maxQueued: options.maxQueued ?? 16 * (options.maxInFlight ?? 8),
    });
    this.retryBudget = new RetryBudget(options.retry?.budget, options.retry?.reserve);
    this.adapter = options.adapter ?? sessionHeaderAdapter;
    this.adapterKnown = options.adapter !== undefined;
  }

  /** The logged-in user (without the key), or null. */
  get session(): { userId: number; login: string } | null {
    const own = this.sessions.get(OWN);
    return own ? { userId: own.userId, login: own.login } : null;
  }

  /**
   * The last `common.server.version` answer (`'7.6'`), known after the first login unless
   * the adapter is pinned; for callers whose model fields differ by series.
   */
  get version(): string | undefined {
    return this.#version;
  }

  /** The user's preferences context (company, language...), sent with every call. */
  get preferences(): Context {
    return { ...this.prefs };
  }

  /** Calls in flight and waiting, for metrics. */
  get load(): { inFlight: number; queued: number } {
    return { inFlight: this.transport.limiter.inFlight, queued: this.transport.limiter.queued };
  }

  /** Logs in (picking the version adapter first, see `adapter`); replaces any session. */
  async login(login: string, password: string): Promise<void> {
    if (!this.adapterKnown) await this.serverVersion();
    for (const [address, session] of this.sessions.clear()) {
      if (address !== OWN) this.forget(address, session);
    }
    await this.logIn(login, password);
  }

  /** The own session and the preferences that go with it. */
  private async logIn(login: string, password: string): Promise<void> {
    await this.openSession(OWN, login, password);
    this.#password = password;
    this.prefs = await this.loadPreferences();
  }

  /** `common.db.login` from `address` (forwarded to Tryton unless OWN), stored under it. */
  private async openSession(address: string, login: string, password: string): Promise<void> {
    const { result } = await this.post(
      this.adapter.databasePath(this.database),
      'common.db.login',
      [login, { password }, this.options.language ?? 'en'],
      forwarding(address),
      undefined,
      0,
    );
    const { userId, key } = this.adapter.parseLogin(result);
    for (const [evicted, session] of this.sessions.set(address, { login, userId, key })) {
      this.forget(evicted, session);
    }
  }

  /** Logs a forwarded address's session out, in the background: a failure changes nothing. */
  private forget(address: string, session: Session): void {
    this.post(
      this.adapter.databasePath(this.database),
      'common.db.logout',
      [],
      { ...forwarding(address), ...this.adapter.authorization(session) },
      undefined,
      0,
    ).catch(() => {});
  }

  private async loadPreferences(): Promise<Context> {
    // No replay here: this runs inside a (re-)login, which must not wait for itself.
    const prefs = (await this.invoke(
      'model.res.user.get_preferences',
      [true],
      { context: {} },
      false,
    )) as Context | null;
    return prefs && typeof prefs === 'object' ? prefs : {};
  }

  /** Ends the session in Tryton (forwarded addresses' sessions too, in the background). */
  async logout(): Promise<void> {
    let own: Session | undefined;
    for (const [address, session] of this.sessions.clear()) {
      if (address === OWN) own = session;
      else this.forget(address, session);
    }
    if (!own) return;
    try {
      await this.post(
        this.adapter.databasePath(this.database),
        'common.db.logout',
        [],
        this.adapter.authorization(own),
        undefined,
        0,
      );
    } finally {
      this.#password = undefined;
    }
  }

  /**
   * Closes the connections to Tryton: calls still queued fail at once (`UnavailableError`),
   * calls in flight may finish for `graceMs` (default: as long as they take), then are cut.
   */
  async close(options: { graceMs?: number } = {}): Promise<void> {
    await this.transport.close(options.graceMs);
  }

  /**
   * `common.server.version` (`'7.6'`); also picks the adapter for that version, unless one was
   * pinned. While the series is unknown, each adapter's server path is tried in turn (one more
   * round trip, reported to `onCall` as a `TRYTON_PROTOCOL` error, where the first is wrong).
   */
  async serverVersion(): Promise<string> {
    const candidates = this.adapterKnown
      ? [this.adapter]
      : [this.adapter, ...ADAPTERS.filter((adapter) => adapter !== this.adapter)];
    let failure: unknown;
    for (const candidate of candidates) {
      let result: unknown;
      try {
        ({ result } = await this.post(
          candidate.serverPath,
          'common.server.version',
          [],
          {},
          undefined,
          0,
        ));
      } catch (error) {
        // A path this series does not serve (405, 404, an HTML page): try the next one.
        if (!(error instanceof ProtocolError)) throw error;
        failure ??= error;
        continue;
      }
      if (typeof result !== 'string') {
        throw new ProtocolError('Tryton answered a version that is not a string', {
          method: 'common.server.version',
        });
      }
      if (!this.options.adapter) this.adapter = adapterFor(result);
      this.adapterKnown = true;
      this.#version = result;
      return result;
    }
    throw failure;
  }

  model<T extends object = Record<string, unknown>>(name: string): Model<T> {
    return new Model<T>(this, name);
  }

  report(name: string) {
    return {
      /** Renders the report: `{format: 'pdf', content, name}`. */
      execute: async (
        ids: number[],
        data: Record<string, unknown> = {},
        options: CallOptions = {},
      ): Promise<{ format: string; content: Uint8Array; name: string }> => {
        const result = (await this.call(`report.${name}.execute`, [ids, data], options)) as [
          string,
          Uint8Array | string,
          boolean,
          string,
        ];
        const [format, content, , reportName] = result;
        return {
          format,
          content: typeof content === 'string' ? new TextEncoder().encode(content) : content,
          name: reportName,
        };
      },
    };
  }

  wizard(name: string) {
    const prefix = `wizard.${name}`;
    return {
      create: async (options: CallOptions = {}) => {
        const [session, start, end] = (await this.call(`${prefix}.create`, [], options)) as [
          number,
          string,
          string,
        ];
        return { session, start, end };
      },
      execute: async (
        session: number,
        data: Record<string, unknown>,
        state: string,
        options: CallOptions = {},
      ) => await this.call(`${prefix}.execute`, [session, data, state], options),
      delete: async (session: number, options: CallOptions = {}) => {
        await this.call(`${prefix}.delete`, [session], options);
      },
    };
  }

  /**
   * Calls any RPC method of the database with positional `params`; the context (the user's
   * preferences, then `options.context`) is appended as the last parameter.
   */
  async call(method: string, params: unknown[], options: CallOptions = {}): Promise<unknown> {
    return await this.invoke(method, params, options, true);
  }

  private async invoke(
    method: string,
    params: unknown[],
    options: CallOptions,
    mayLogInAgain: boolean,
  ): Promise<unknown> {
    const headers = extraHeaders(options.headers);
    const context = { ...this.prefs, ...options.context };
    const attempts = isIdempotent(method) ? (this.options.retry?.attempts ?? 2) : 0;
    const baseDelay = this.options.retry?.baseDelayMs ?? 100;
    const address = this.adapter.sessionPerAddress
      ? (headers['x-forwarded-for'] ?? OWN).trim()
      : OWN;
    let replayed = false;
    if (attempts > 0) this.retryBudget.deposit();
    for (let attempt = 0; ; attempt++) {
      const state = await this.sessionFor(address);
      try {
        const { result } = await this.post(
          this.adapter.databasePath(this.database),
          method,
          [...params, context],
          state ? { ...headers, ...this.adapter.authorization(state) } : headers,
          options.signal,
          attempt,
        );
        return result;
      } catch (error) {
        if (
          error instanceof SessionExpiredError &&
          mayLogInAgain &&
          !replayed &&
          this.#password &&
          state
        ) {
          replayed = true;
          await this.loginAgain(address, state);
          continue;
        }
        if (
          error instanceof UnavailableError &&
          !(error instanceof QueueTimeoutError) &&
          !(error instanceof QueueFullError) &&
          attempt < attempts &&
          !options.signal?.aborted &&
          this.retryBudget.withdraw()
        ) {
          const delay = baseDelay * 2 ** attempt * (0.5 + Math.random() / 2);
          await new Promise((resolve) => setTimeout(resolve, delay));
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * The session a call from `address` uses: the own one, or that address's, opened on first
   * use (as the own session's user) where the adapter binds sessions to addresses.
   */
  private async sessionFor(address: string): Promise<Session | undefined> {
    const own = this.sessions.get(OWN);
    if (address === OWN) return own;
    const password = this.#password;
    if (!own || password === undefined) return own;
    if (!this.sessions.get(address)) {
      await this.sessions.open(address, async () => {
        if (!this.sessions.get(address)) await this.openSession(address, own.login, password);
      });
    }
    return this.sessions.get(address);
  }

  /** One re-login for every call that saw `expired` fail; later callers reuse its result. */
  private async loginAgain(address: string, expired: Session): Promise<void> {
    const current = this.sessions.get(address);
    if (current && current.key !== expired.key) return;
    await this.sessions.open(address, async () => {
      const password = this.#password;
      if (password === undefined) throw new SessionExpiredError('No credentials to log in again');
      if (address === OWN) await this.logIn(expired.login, password);
      else await this.openSession(address, expired.login, password);
    });
  }

  private async post(
    path: string,
    method: string,
    params: unknown[],
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
    attempt: number,
  ) {
    const started = performance.now();
    const model = modelOf(method);
    try {
      const result = await this.transport.post(path, method, params, headers, signal);
      this.emit({
        method,
        ...(model ? { model } : {}),
        durationMs: performance.now() - started,
        outcome: 'ok',
        bytesSent: result.bytesSent,
        bytesReceived: result.bytesReceived,
        attempt,
      });
      return result;
    } catch (error) {
      this.emit({
        method,
        ...(model ? { model } : {}),
        durationMs: performance.now() - started,
        outcome: 'error',
        errorCode: isTrytonError(error) ? error.code : 'UNKNOWN',
        bytesSent: 0,
        bytesReceived: 0,
        attempt,
      });
      throw error as TrytonError;
    }
  }

  private emit(event: CallEvent): void {
    try {
      this.options.hooks?.onCall?.(event);
    } catch {
      // A failing observer must not fail the call.
    }
  }
}
