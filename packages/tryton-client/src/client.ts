import { adapterFor, sessionHeaderAdapter, type TrytonAdapter } from './adapter.js';
import {
  isTrytonError,
  SessionExpiredError,
  type TrytonError,
  UnavailableError,
} from './errors.js';
import { Model } from './model.js';
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
   * Retries of idempotent reads (search, read, search_read, search_count, fields_get...) on
   * connection errors and HTTP 503, with exponential backoff. Writes and buttons never retry.
   * Default: 2 attempts more, from 100 ms.
   */
  retry?: { attempts?: number; baseDelayMs?: number };
  hooks?: { onCall?: (event: CallEvent) => void };
  /** The language of the login call. Default `en`. */
  language?: string;
  /** Version differences; detected by `serverVersion()` otherwise the 5.x-7.x scheme. */
  adapter?: TrytonAdapter;
}

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

function modelOf(method: string): string | undefined {
  const match = /^(?:model|wizard|report)\.(.+)\.[^.]+$/.exec(method);
  return match?.[1];
}

interface SessionState {
  login: string;
  userId: number;
  key: string;
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
  private state: SessionState | undefined;
  /** Kept to log in again once when the session expires; never in errors or logs. */
  #password: string | undefined;
  private relogin: Promise<void> | undefined;
  private prefs: Context = {};

  constructor(options: TrytonClientOptions) {
    this.options = options;
    this.database = options.database;
    const url = new URL(options.url);
    this.transport = new Transport(url.origin, {
      maxInFlight: options.maxInFlight ?? 8,
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    this.adapter = options.adapter ?? sessionHeaderAdapter;
  }

  /** The logged-in user (without the key), or null. */
  get session(): { userId: number; login: string } | null {
    return this.state ? { userId: this.state.userId, login: this.state.login } : null;
  }

  /** The user's preferences context (company, language...), sent with every call. */
  get preferences(): Context {
    return { ...this.prefs };
  }

  /** Calls in flight and waiting, for metrics. */
  get load(): { inFlight: number; queued: number } {
    return { inFlight: this.transport.limiter.inFlight, queued: this.transport.limiter.queued };
  }

  async login(login: string, password: string): Promise<void> {
    const { result } = await this.post(
      this.adapter.databasePath(this.database),
      'common.db.login',
      [login, { password }, this.options.language ?? 'en'],
      {},
      undefined,
      0,
    );
    const { userId, key } = this.adapter.parseLogin(result);
    this.state = { login, userId, key };
    this.#password = password;
    this.prefs = await this.loadPreferences();
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

  async logout(): Promise<void> {
    if (!this.state) return;
    try {
      await this.post(
        this.adapter.databasePath(this.database),
        'common.db.logout',
        [],
        this.adapter.authorization(this.state),
        undefined,
        0,
      );
    } finally {
      this.state = undefined;
      this.#password = undefined;
    }
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  /** `common.server.version`; also picks the adapter for that version. */
  async serverVersion(): Promise<string> {
    const { result } = await this.post('/', 'common.server.version', [], {}, undefined, 0);
    const version = String(result);
    if (!this.options.adapter) this.adapter = adapterFor(version);
    return version;
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
    let replayed = false;
    for (let attempt = 0; ; attempt++) {
      const state = this.state;
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
          await this.loginAgain(state);
          continue;
        }
        if (error instanceof UnavailableError && attempt < attempts && !options.signal?.aborted) {
          const delay = baseDelay * 2 ** attempt * (0.5 + Math.random() / 2);
          await new Promise((resolve) => setTimeout(resolve, delay));
          continue;
        }
        throw error;
      }
    }
  }

  /** One re-login for every call that saw `expired` fail; later callers reuse its result. */
  private async loginAgain(expired: SessionState): Promise<void> {
    if (this.state && this.state.key !== expired.key) return;
    this.relogin ??= (async () => {
      try {
        const password = this.#password;
        if (password === undefined) throw new SessionExpiredError('No credentials to log in again');
        await this.login(expired.login, password);
      } finally {
        this.relogin = undefined;
      }
    })();
    await this.relogin;
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
