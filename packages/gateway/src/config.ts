import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ExportLimits } from './services/exports.service.js';

/** What the cache keeps, by area: each area has its own lifetime (docs/caching.md). */
export const CACHE_AREAS = [
  'orders',
  'shipments',
  'invoices',
  'lines',
  'documents',
  'addresses',
  'contacts',
  'sessions',
  'api-tokens',
] as const;
export type CacheArea = (typeof CACHE_AREAS)[number];
/** Seconds each area's entries live; 0: that area is not cached. */
export type CacheTtls = Readonly<Record<CacheArea, number>>;

/**
 * The areas whose entries live longer or shorter than CACHE_TTL_SECONDS, unless
 * CACHE_TTL_OVERRIDES says otherwise.
 */
const CACHE_TTL_DEFAULTS: Partial<CacheTtls> = {
  // A payment changes the amount due, and customers look right after paying.
  invoices: 15,
  // Lines of confirmed orders and posted invoices (and the products they name) do not change.
  lines: 300,
  // Edited in Tryton's back office, rarely.
  addresses: 300,
  contacts: 300,
};

/** `invoices=15,addresses=600`: known areas, whole seconds, each area once. */
const ttlOverrides = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const overrides: Partial<Record<CacheArea, number>> = {};
    for (const item of text.split(',').map((part) => part.trim())) {
      if (!item) continue;
      const [area = '', seconds = ''] = item.split('=').map((part) => part.trim());
      if (!CACHE_AREAS.includes(area as CacheArea) || !/^\d{1,6}$/.test(seconds)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}": expected area=seconds, the areas being ${CACHE_AREAS.join(', ')}`,
        });
      } else if (area in overrides) {
        ctx.addIssue({ code: 'custom', message: `${area} is given twice` });
      } else {
        overrides[area as CacheArea] = Number(seconds);
      }
    }
    return overrides;
  });

/**
 * The gateway's configuration, read once from the environment and validated at start.
 * docs/operations.md lists every variable; keep both in step.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  TRYTON_URL: z.string().url().default('http://127.0.0.1:8000'),
  TRYTON_DATABASE: z.string().min(1).default('portal'),
  TRYTON_GATEWAY_LOGIN: z.string().min(1).default('portal_gateway'),
  TRYTON_GATEWAY_PASSWORD: z.string().min(1).optional(),
  TRYTON_GATEWAY_PASSWORD_FILE: z.string().min(1).optional(),
  TRYTON_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(256).default(8),
  TRYTON_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  TRYTON_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(10).default(5_000),
  TRYTON_MAX_QUEUED: z.coerce.number().int().min(0).max(100_000).optional(),
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  REDIS_URL: z.string().url().optional(),
  REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(100),
  REDIS_PASSWORD_FILE: z.string().min(1).optional(),
  SESSION_COOKIE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('portal_session'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  LOGIN_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  // At most 5: Tryton locks an e-mail out after 5 failures ([session] max_attempt) and sleeps
  // 2^failures - 1 s before answering; docs/quotas.md has the arithmetic.
  LOGIN_RATE_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(5).default(4),
  PASSWORD_RESET_LIMIT_PER_IP: z.coerce.number().int().min(1).default(10),
  PASSWORD_RESET_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(3),
  // Unset: on, except with NODE_ENV=production (an API's shape is not for anonymous visitors).
  GRAPHIQL: z.enum(['true', 'false']).optional(),
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(2000),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(10).default(2000),
  QUOTA_BUCKET_SIZE: z.coerce.number().int().min(1).default(4000),
  QUOTA_RESTORE_RATE: z.coerce.number().min(0.1).default(100),
  QUOTA_ANONYMOUS_BUCKET_SIZE: z.coerce.number().int().min(1).default(400),
  QUOTA_ANONYMOUS_RESTORE_RATE: z.coerce.number().min(0.1).default(10),
  EXPORT_MAX_INVOICES: z.coerce.number().int().min(1).max(500).default(50),
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(2000),
  // A customer's writes: a burst of 10, then one every 5 seconds (docs/quotas.md).
  QUOTA_WRITE_BUCKET_SIZE: z.coerce.number().int().min(1).default(10),
  QUOTA_WRITE_RESTORE_RATE: z.coerce.number().min(0.01).default(0.2),
  CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(30),
  CACHE_TTL_OVERRIDES: ttlOverrides,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  tryton: {
    url: string;
    database: string;
    login: string;
    password: string;
    maxInFlight: number;
    timeoutMs: number;
    /** The longest a call waits for one of the maxInFlight slots before TRYTON_UNAVAILABLE. */
    queueTimeoutMs: number;
    /** The most calls waiting for a slot; one more is refused at once (503, Retry-After). */
    maxQueued: number;
  };
  /**
   * Stopping (SIGTERM, Ctrl-C): health and readiness answer 503 "draining" at once, requests
   * are still served for `delayMs` (so a load balancer polling /healthz stops sending new
   * ones), then the port closes, idle keep-alive connections close, and requests in flight
   * get up to `timeoutMs` to finish before their connections are cut.
   */
  shutdown: { delayMs: number; timeoutMs: number };
  redisUrl: string | undefined;
  /** The longest a request waits for one Redis call before going on without Redis. */
  redisTimeoutMs: number;
  cookie: { name: string; secure: 'auto' | boolean };
  trustProxyHops: number;
  /**
   * Attempts of each anonymous auth mutation per client network and per e-mail, in a window
   * of `windowSeconds` (src/auth/auth-limiter.ts says what each one counts).
   */
  authLimits: {
    windowSeconds: number;
    limits: Record<
      'login' | 'passwordResetRequest' | 'passwordReset' | 'emailValidation',
      { perIp: number; perEmail?: number }
    >;
  };
  /** Serve the offline GraphiQL page (GET /graphql from a browser, assets under /graphiql/). */
  graphiql: boolean;
  /** Answer introspection queries (`__schema`, `__type`); GraphiQL's docs need it. */
  introspection: boolean;
  logLevel: string;
  limits: { maxCost: number; maxDepth: number; maxAliases: number; maxTokens: number };
  quotas: {
    customer: { size: number; restoreRate: number };
    anonymous: { size: number; restoreRate: number };
    /** Each customer's writes, apart from the cost bucket: how many, how fast. */
    writes: { size: number; restoreRate: number };
  };
  /** How long each area's entries stay cached; all 0 when CACHE_TTL_SECONDS is 0. */
  cacheTtls: CacheTtls;
  /** How much one bulk export may hold (http/exports.ts). */
  exports: ExportLimits;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates `env` (process.env by default); throws a ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const c = parsed.data;
  let password = c.TRYTON_GATEWAY_PASSWORD;
  if (!password && c.TRYTON_GATEWAY_PASSWORD_FILE) {
    try {
      password = readFileSync(c.TRYTON_GATEWAY_PASSWORD_FILE, 'utf8').trim();
    } catch {
      throw new ConfigError(
        `Invalid configuration:\n  TRYTON_GATEWAY_PASSWORD_FILE: cannot read ${c.TRYTON_GATEWAY_PASSWORD_FILE}`,
      );
    }
  }
  if (!password) {
    throw new ConfigError(
      'Invalid configuration:\n  TRYTON_GATEWAY_PASSWORD or TRYTON_GATEWAY_PASSWORD_FILE: required (the technical Tryton user)',
    );
  }
  let redisUrl = c.REDIS_URL;
  if (redisUrl && c.REDIS_PASSWORD_FILE) {
    try {
      const url = new URL(redisUrl);
      url.password = encodeURIComponent(readFileSync(c.REDIS_PASSWORD_FILE, 'utf8').trim());
      redisUrl = url.toString();
    } catch {
      throw new ConfigError(
        `Invalid configuration:\n  REDIS_PASSWORD_FILE: cannot read ${c.REDIS_PASSWORD_FILE}`,
      );
    }
  }
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    tryton: {
      url: c.TRYTON_URL,
      database: c.TRYTON_DATABASE,
      login: c.TRYTON_GATEWAY_LOGIN,
      password,
      maxInFlight: c.TRYTON_MAX_IN_FLIGHT,
      timeoutMs: c.TRYTON_TIMEOUT_MS,
      queueTimeoutMs: c.TRYTON_QUEUE_TIMEOUT_MS,
      maxQueued: c.TRYTON_MAX_QUEUED ?? 16 * c.TRYTON_MAX_IN_FLIGHT,
    },
    shutdown: { delayMs: c.SHUTDOWN_DELAY_MS, timeoutMs: c.SHUTDOWN_TIMEOUT_MS },
    redisUrl,
    redisTimeoutMs: c.REDIS_TIMEOUT_MS,
    cookie: {
      name: c.SESSION_COOKIE_NAME,
      secure: c.COOKIE_SECURE === 'auto' ? 'auto' : c.COOKIE_SECURE === 'true',
    },
    trustProxyHops: c.TRUST_PROXY_HOPS,
    authLimits: {
      // At least Tryton's [session] timeout (300 s): its counters then never see more
      // failures than the gateway lets through.
      windowSeconds: 15 * 60,
      limits: {
        login: { perIp: c.LOGIN_RATE_LIMIT_PER_IP, perEmail: c.LOGIN_RATE_LIMIT_PER_EMAIL },
        passwordResetRequest: {
          perIp: c.PASSWORD_RESET_LIMIT_PER_IP,
          perEmail: c.PASSWORD_RESET_LIMIT_PER_EMAIL,
        },
        // Wrong or expired reset tokens; a new token needs a new request anyway.
        passwordReset: { perIp: c.LOGIN_RATE_LIMIT_PER_IP, perEmail: 3 },
        emailValidation: { perIp: c.LOGIN_RATE_LIMIT_PER_IP },
      },
    },
    graphiql: (c.GRAPHIQL ?? String(c.NODE_ENV !== 'production')) === 'true',
    introspection: (c.INTROSPECTION ?? String(c.NODE_ENV !== 'production')) === 'true',
    logLevel: c.LOG_LEVEL,
    limits: {
      maxCost: c.QUERY_MAX_COST,
      maxDepth: c.QUERY_MAX_DEPTH,
      maxAliases: c.QUERY_MAX_ALIASES,
      maxTokens: c.QUERY_MAX_TOKENS,
    },
    quotas: {
      customer: { size: c.QUOTA_BUCKET_SIZE, restoreRate: c.QUOTA_RESTORE_RATE },
      anonymous: {
        size: c.QUOTA_ANONYMOUS_BUCKET_SIZE,
        restoreRate: c.QUOTA_ANONYMOUS_RESTORE_RATE,
      },
      writes: { size: c.QUOTA_WRITE_BUCKET_SIZE, restoreRate: c.QUOTA_WRITE_RESTORE_RATE },
    },
    cacheTtls: cacheTtls(c.CACHE_TTL_SECONDS, c.CACHE_TTL_OVERRIDES),
    exports: { maxInvoices: c.EXPORT_MAX_INVOICES, maxRows: c.EXPORT_MAX_ROWS },
  };
}

/** Every area's lifetime: the override, else the built-in default, else `fallback`; 0 turns all off. */
function cacheTtls(fallback: number, overrides: Partial<CacheTtls>): CacheTtls {
  return Object.fromEntries(
    CACHE_AREAS.map((area) => [
      area,
      fallback === 0 ? 0 : (overrides[area] ?? CACHE_TTL_DEFAULTS[area] ?? fallback),
    ]),
  ) as Record<CacheArea, number>;
}
