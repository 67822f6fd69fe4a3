import type { Viewer } from '../auth/auth.service.js';
import { forbidden } from '../auth/permissions.js';
import type { CacheArea } from '../config.js';
import {
  conflict,
  GatewayError,
  idempotencyKeyReused,
  invalidState,
  notFound,
  quotationExpired,
  unauthenticated,
  validationFailed,
} from '../errors.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import { toLeftOut } from '../tryton/order-writes.mapper.js';
import type { PortalGateway, WriteResult } from '../tryton/portal-gateway.js';

/** What every write reports, without personal data: logged and counted (wiring.ts). */
export interface WriteEvent {
  operation: string;
  /** `ok`, or the module's refusal (`conflict`, `not_found`...). */
  outcome: string;
  /** The idempotency key was known: the stored answer was given, nothing written again. */
  replayed: boolean;
  customer: number;
}

export type WriteEvents = (event: WriteEvent) => void;

/** A write's successful answer, as the module gives it. */
export type WriteDone = Extract<WriteResult, { status: 'ok' }>;

export interface WriteSpec {
  /** The operation's name in logs and metrics (the GraphQL mutation's). */
  operation: string;
  /** The module's RPC method (portal.gateway) and its parameters. */
  method: string;
  params: unknown[];
  /** The cache areas of the customer the write changes: forgotten after it, on every replica. */
  areas: CacheArea[];
  /** The record in words, for the messages ("The quotation"). */
  what: string;
  /** The record as it is now (read again after a refusal): CONFLICT carries it. */
  current(): Promise<Record<string, unknown> | null>;
}

/**
 * The one path of the customer's writes: the module's RPC method with the customer's
 * credential (Tryton re-checks ownership, state and version, and runs it once per
 * idempotency key), the customer's affected cache areas forgotten, an event, and the
 * module's refusals as typed errors. Anything else Tryton raises is thrown as for reads.
 */
export class CustomerWrites {
  constructor(
    private readonly gateway: PortalGateway,
    private readonly viewer: Viewer,
    private readonly tryton: CustomerTryton,
    private readonly events: WriteEvents,
  ) {}

  async run(spec: WriteSpec): Promise<WriteDone> {
    let result: WriteResult;
    try {
      result = await this.gateway.write(
        spec.method,
        spec.params,
        this.viewer.credential,
        this.tryton.language,
      );
    } catch (error) {
      this.report(spec, error instanceof GatewayError ? error.code.toLowerCase() : 'error', false);
      throw error;
    }
    const replayed = result.status === 'ok' && result.replayed === true;
    this.report(spec, result.status, replayed);
    // A refusal may come from a change the cache has not seen yet (CONFLICT): forget too.
    if (result.status === 'ok' || result.status === 'conflict' || result.status === 'invalid_state')
      await this.tryton.forget(spec.areas);
    return await this.outcome(spec, result);
  }

  private report(spec: WriteSpec, outcome: string, replayed: boolean): void {
    this.events({
      operation: spec.operation,
      outcome,
      replayed,
      customer: this.viewer.customer.webUserId,
    });
  }

  private async outcome(spec: WriteSpec, result: WriteResult): Promise<WriteDone> {
    switch (result.status) {
      case 'ok':
        return result;
      case 'not_found':
        throw notFound(spec.what);
      case 'unauthenticated':
        throw unauthenticated();
      case 'forbidden':
        throw forbidden([], this.viewer.customer.role);
      case 'last_administrator':
        throw new GatewayError(
          'LAST_ADMINISTRATOR',
          'The company account must keep an administrator who can sign in: make another member administrator first.',
        );
      case 'too_many_members':
        throw new GatewayError(
          'TOO_MANY_MEMBERS',
          `The company account has the most members allowed (${result.limit}): remove one first.`,
          { limit: result.limit },
        );
      case 'idempotency_key_reused':
        throw idempotencyKeyReused();
      case 'conflict':
        throw conflict(spec.what, (await spec.current()) ?? {});
      case 'invalid_state': {
        const current = await spec.current();
        throw invalidState(spec.what, String(current?.state ?? 'UNKNOWN'));
      }
      case 'expired':
        throw quotationExpired(result.expired_on);
      case 'invalid_input':
        throw validationFailed(result.errors);
      case 'nothing_to_order':
        throw new GatewayError(
          'NOTHING_TO_ORDER',
          'None of the products of this order is sold any more: nothing was requested.',
          { leftOut: toLeftOut(result.left_out) },
        );
      case 'unavailable':
        throw new GatewayError(
          'INVALID_STATE',
          'Online payment is not available: the company takes no online payment in this currency.',
          { reason: 'ONLINE_PAYMENT_UNAVAILABLE' },
        );
      default:
        throw new GatewayError('INVALID_STATE', `${spec.what} cannot do this now.`, {
          reason: (result as { status: string }).status,
        });
    }
  }
}
