import type { CallEvent } from '@portal/tryton-client';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one gateway process, exported at /metrics. */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'portal_graphql_requests_total',
    help: 'GraphQL operations by type.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'portal_graphql_errors_total',
    help: 'GraphQL errors by code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'portal_graphql_duration_seconds',
    help: 'GraphQL request duration.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly trytonCalls = new Counter({
    name: 'portal_tryton_calls_total',
    help: 'Tryton RPC calls by model, method and outcome.',
    labelNames: ['model', 'method', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly trytonDuration = new Histogram({
    name: 'portal_tryton_call_duration_seconds',
    help: 'Tryton RPC call duration.',
    labelNames: ['model', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly redisErrors = new Counter({
    name: 'portal_redis_errors_total',
    help: 'Redis failures the gateway worked around, by use (quotas, cache, login limits).',
    labelNames: ['use'] as const,
    registers: [this.registry],
  });
  readonly cache = new Counter({
    name: 'portal_cache_total',
    help: 'Cache lookups by result (hit, miss) and Tryton calls avoided.',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly writes = new Counter({
    name: 'portal_writes_total',
    help: "Customers' writes by operation and outcome (ok, or the refusal: conflict, not_found...), and whether an idempotency key replayed them.",
    labelNames: ['operation', 'outcome', 'replayed'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The tryton-client `onCall` hook. */
  trytonCall(event: CallEvent): void {
    const method = event.method.slice(event.method.lastIndexOf('.') + 1);
    const model = event.model ?? '-';
    this.trytonCalls.inc({ model, method, outcome: event.outcome });
    this.trytonDuration.observe({ model, method }, event.durationMs / 1000);
  }
}
