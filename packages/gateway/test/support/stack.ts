import { type DemoTryton, startDemoTryton } from '@portal/demo-data';
import type { CallEvent } from '@portal/tryton-client';
import { pino } from 'pino';
import { type TcpProxy, tcpProxy } from '../../bench/load/proxies.mjs';
import { type Config, loadConfig } from '../../src/config.js';
import { type RunningGateway, startGateway } from '../../src/server.js';

/** One gateway process of a test. */
export interface Replica {
  gateway: RunningGateway;
  /** Every Tryton call this gateway made, in order (tests count them and empty it). */
  calls: CallEvent[];
  /** A GraphQL client of this gateway with its own cookie jar (one browser). */
  session(headers?: Record<string, string>): GraphQLSession;
}

/** A real Tryton with the demo data and a gateway in front of it, on free loopback ports. */
export interface TestStack extends Replica {
  tryton: DemoTryton;
  /** The gateway's configuration: another replica started with it is configured alike. */
  config: Config;
  /** With `throughProxy`: the TCP proxy between the gateway and Tryton (delay, outage). */
  proxy: TcpProxy | undefined;
  stop(): Promise<void>;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; retryAfter?: number } }[];
}

export class GraphQLSession {
  cookie: string | undefined;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async query<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie();
    for (const line of setCookie) {
      const [pair] = line.split(';');
      const [, value] = (pair ?? '').split('=');
      this.cookie = value ? pair : undefined;
    }
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { status: response.status, headers: response.headers, ...body };
  }

  async login(email: string, password: string): Promise<GraphQLResponse> {
    return await this.query(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { customer { name } } }',
      { email, password },
    );
  }

  async get(path: string): Promise<Response> {
    return await fetch(`${this.url}${path}`, {
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...this.headers },
    });
  }
}

/** Starts a gateway with `config` (its logger at config.logLevel), counting its Tryton calls. */
export async function startReplica(
  config: Config,
  options: { clock?: () => number } = {},
): Promise<Replica> {
  const calls: CallEvent[] = [];
  const gateway = await startGateway(config, {
    logger: pino({ level: config.logLevel }),
    onTrytonCall: (event) => calls.push(event),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { gateway, calls, session: (headers) => new GraphQLSession(gateway.url, headers) };
}

export async function startStack(
  env: Record<string, string> = {},
  options: { clock?: () => number; throughProxy?: boolean } = {},
): Promise<TestStack> {
  const tryton = await startDemoTryton();
  const proxy = options.throughProxy
    ? await tcpProxy({ host: '127.0.0.1', port: Number(new URL(tryton.url).port) })
    : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    TRYTON_URL: proxy?.url ?? tryton.url,
    TRYTON_DATABASE: tryton.database,
    TRYTON_GATEWAY_LOGIN: tryton.gateway.login,
    TRYTON_GATEWAY_PASSWORD: tryton.gateway.password,
    LOG_LEVEL: 'silent',
    // Quotas are tested on their own (quotas.test.ts); elsewhere they must not get in the way.
    QUOTA_BUCKET_SIZE: '1000000',
    QUOTA_ANONYMOUS_BUCKET_SIZE: '1000000',
    QUOTA_WRITE_BUCKET_SIZE: '1000000',
    // Nested lists cost their `first` (500 when omitted): batching and isolation tests read
    // whole pages of orders with all their lines.
    QUERY_MAX_COST: '1000000000',
    // A busy CI machine (or a GC pause) can hold a Redis answer past production's 100 ms and
    // turn an exact assertion into a fallback; tests of a hung Redis set their own bound.
    REDIS_TIMEOUT_MS: '1000',
    ...env,
  });
  const replica = await startReplica(config, options);
  const { gateway } = replica;
  return {
    ...replica,
    tryton,
    config,
    proxy,
    async stop() {
      await gateway.stop();
      await proxy?.close();
      await tryton.stop();
    },
  };
}
