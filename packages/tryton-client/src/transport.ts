import { Pool } from 'undici';
import { decode, encode } from './codec.js';
import {
  AbortedError,
  errorFromBody,
  errorFromStatus,
  ProtocolError,
  QueueFullError,
  QueueTimeoutError,
  TimeoutError,
  type TrytonError,
  UnavailableError,
} from './errors.js';

/**
 * A FIFO semaphore: at most `limit` holders, the others wait in arrival order, each for at
 * most `queueTimeoutMs`, and at most `maxQueued` of them at once. Without the wait bound,
 * calls that Tryton holds long (a slow report, a slow or saturated server) would make every
 * later caller wait for as long as they last; without the length bound, the queue (each
 * waiter a request held open, with its memory) would grow with the arrival rate for that long.
 * Past `maxQueued` a call fails at once with `QueueFullError`: shedding load fast is what lets
 * callers back off and keeps the waits of the calls that did queue short.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: { go: () => void; leave: (error: Error) => void }[] = [];

  constructor(
    readonly limit: number,
    readonly queueTimeoutMs = Number.POSITIVE_INFINITY,
    readonly maxQueued = Number.POSITIVE_INFINITY,
  ) {
    if (!(limit >= 1)) throw new RangeError('maxInFlight must be at least 1');
    if (!(queueTimeoutMs > 0)) throw new RangeError('queueTimeoutMs must be positive');
    if (!(maxQueued >= 0)) throw new RangeError('maxQueued must not be negative');
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal, method?: string): Promise<T> {
    if (this.active >= this.limit) {
      if (this.waiting.length >= this.maxQueued) {
        throw new QueueFullError(
          `${this.waiting.length} calls already wait for a slot to Tryton (${this.limit} in flight)`,
          { method },
        );
      }
      await new Promise<void>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const leave = (error: Error) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(error);
        };
        const onAbort = () => leave(new AbortedError('Call aborted while queued', { method }));
        const go = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const waiter = { go, leave };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        if (Number.isFinite(this.queueTimeoutMs)) {
          timer = setTimeout(
            () =>
              leave(
                new QueueTimeoutError(
                  `No free slot to Tryton within ${this.queueTimeoutMs} ms (${this.limit} calls in flight)`,
                  { method },
                ),
              ),
            this.queueTimeoutMs,
          );
        }
        this.waiting.push(waiter);
      });
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next.go();
      else this.active--;
    }
  }

  /** Fails every waiting call with `error` at once (the client is closing). */
  rejectWaiting(error: () => Error): void {
    for (const waiter of [...this.waiting]) waiter.leave(error());
  }
}

export interface PostResult {
  result: unknown;
  bytesSent: number;
  bytesReceived: number;
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function connectionCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * POSTs JSON-RPC bodies to one Tryton over a keep-alive connection pool (undici), with a
 * per-call timeout, the caller's AbortSignal, and a cap on calls in flight.
 */
export class Transport {
  private readonly pool: Pool;
  readonly limiter: Limiter;
  private nextId = 1;

  constructor(
    readonly origin: string,
    options: {
      maxInFlight: number;
      timeoutMs: number;
      queueTimeoutMs?: number;
      maxQueued?: number;
    },
  ) {
    this.pool = new Pool(origin, {
      connections: options.maxInFlight,
      keepAliveTimeout: 30_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    this.limiter = new Limiter(options.maxInFlight, options.queueTimeoutMs, options.maxQueued);
    this.timeoutMs = options.timeoutMs;
  }

  private readonly timeoutMs: number;

  async post(
    path: string,
    method: string,
    params: unknown[],
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<PostResult> {
    return await this.limiter.run(
      () => this.send(path, method, params, headers, signal),
      signal,
      method,
    );
  }

  private async send(
    path: string,
    method: string,
    params: unknown[],
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<PostResult> {
    const body = encode({ id: this.nextId++, method, params });
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Awaited<ReturnType<Pool['request']>>;
    let text: string;
    try {
      response = await this.pool.request({
        method: 'POST',
        path,
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        signal: combined,
      });
      text = await response.body.text();
    } catch (error) {
      throw this.failure(error, method, signal, timeout);
    }
    const bytesSent = Buffer.byteLength(body);
    const bytesReceived = Buffer.byteLength(text);
    if (response.statusCode !== 200) {
      const retryAfter = response.headers['retry-after'];
      throw errorFromStatus(
        response.statusCode,
        method,
        Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      );
    }
    let parsed: unknown;
    try {
      parsed = decode(text);
    } catch {
      throw new ProtocolError('Tryton answered with invalid JSON', { method });
    }
    if (parsed === null || typeof parsed !== 'object') {
      throw new ProtocolError('Tryton answered without a JSON-RPC object', { method });
    }
    const answer = parsed as { result?: unknown; error?: unknown };
    if (answer.error !== undefined && answer.error !== null)
      throw errorFromBody(answer.error, method);
    return { result: answer.result ?? null, bytesSent, bytesReceived };
  }

  private failure(
    error: unknown,
    method: string,
    signal: AbortSignal | undefined,
    timeout: AbortSignal,
  ): TrytonError {
    if (signal?.aborted) return new AbortedError('Call aborted', { method });
    if (
      timeout.aborted ||
      ((error as { code?: string }).code?.startsWith('UND_ERR_') === true &&
        /TIMEOUT/.test((error as { code: string }).code))
    ) {
      return new TimeoutError(`Tryton did not answer within ${this.timeoutMs} ms`, { method });
    }
    const code = connectionCode(error);
    return new UnavailableError(
      code ? `Tryton is unreachable (${code})` : 'Tryton is unreachable',
      { method, cause: code },
    );
  }

  /**
   * Fails the calls still queued, lets those in flight finish for up to `graceMs`, then cuts
   * their connections (they fail as unavailable) and closes the pool.
   */
  async close(graceMs = Number.POSITIVE_INFINITY): Promise<void> {
    this.limiter.rejectWaiting(() => new UnavailableError('The Tryton client is closing'));
    const closed = this.pool.close();
    if (!Number.isFinite(graceMs)) return await closed;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graceMs);
    });
    const outcome = await Promise.race([closed, late]);
    clearTimeout(timer);
    if (outcome === 'late') await this.pool.destroy();
  }
}
