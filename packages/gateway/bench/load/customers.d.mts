/** Types of customers.mjs, for the gateway's integration tests. */
export interface LoadRecord {
  kind: string;
  status: number;
  code: string | undefined;
  retryAfter: string | undefined;
  ms: number;
  at: number;
}
export interface Account {
  email: string;
  password: string;
  /** A session signed in before the run (`signIn`): the customer does not sign in again. */
  cookie?: string;
}
export function signIn(url: string, account: Account): Promise<string>;
export const QUERIES: Record<'dashboard' | 'orders' | 'order' | 'invoices' | 'apiOrders', string>;
export function createToken(url: string, account: Account, name: string): Promise<string>;
export function runLoad(options: {
  url: string;
  accounts: Account[];
  tokens?: string[];
  customers: number;
  apiClients?: number;
  durationMs: number;
  rampMs?: number;
  thinkMs?: [number, number];
  pdfShare?: number;
  /** The first pages of each browser customer visit every kind once (an order and a PDF too). */
  tour?: boolean;
  onRecord?: (record: LoadRecord) => void;
}): Promise<LoadRecord[]>;
/** A request's outcome as the report names it: `200`, `503 TRYTON_UNAVAILABLE`... */
export function outcomeKey(record: Pick<LoadRecord, 'status' | 'code'>): string;
export function summarize(
  records: LoadRecord[],
  seconds: number,
): {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  outcomes: Record<string, number>;
  /** p50 and max latency (ms) of each outcome. */
  latencyByOutcome: Record<string, { p50: number; max: number }>;
  /** Failures by kind of request, then by status and code. */
  failuresByKind: Record<string, Record<string, number>>;
};
