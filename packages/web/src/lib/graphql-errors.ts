import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import type { ErrorCode } from '../gql/error-codes';
import type { Role } from '../gql/graphql';

/** The stable codes of the gateway (docs/graphql.md, "Errors"), generated from the schema. */
export type { ErrorCode };

export interface GatewayError {
  code: ErrorCode | 'NETWORK' | 'UNKNOWN';
  message: string;
  retryAfter?: number;
  /** THROTTLED: `QUOTA` (the request quota is used up) or `ATTEMPTS` (sign-in attempts). */
  reason?: string;
  /** TOO_MANY_API_TOKENS: how many live tokens a customer may hold. */
  limit?: number;
  /** VALIDATION_FAILED: each invalid field, with a stable code and the server's message. */
  fieldErrors?: FieldError[];
  /** FORBIDDEN: the member's role, whose scopes do not allow what was asked. */
  role?: Role;
}

const ROLES: readonly string[] = [
  'ADMINISTRATOR',
  'BUYER',
  'ACCOUNTANT',
  'VIEWER',
] satisfies Role[];

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

function fieldErrorsOf(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (e): e is FieldError =>
      typeof e?.field === 'string' && typeof e?.code === 'string' && typeof e?.message === 'string',
  );
}

interface WireError {
  message?: string;
  extensions?: Record<string, unknown>;
}

function fromWire(first: WireError | undefined): GatewayError {
  const code = first?.extensions?.code;
  const retryAfter = first?.extensions?.retryAfter;
  const limit = first?.extensions?.limit;
  const reason = first?.extensions?.reason;
  const fieldErrors = fieldErrorsOf(first?.extensions?.fieldErrors);
  const role = first?.extensions?.role;
  return {
    code: typeof code === 'string' ? (code as ErrorCode) : 'UNKNOWN',
    message: first?.message ?? '',
    ...(typeof retryAfter === 'number' ? { retryAfter } : {}),
    ...(typeof limit === 'number' ? { limit } : {}),
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(typeof role === 'string' && ROLES.includes(role) ? { role: role as Role } : {}),
  };
}

/** Turns whatever Apollo raised into the first gateway error, or a network/unknown one. */
export function gatewayError(error: unknown): GatewayError {
  if (CombinedGraphQLErrors.is(error)) return fromWire(error.errors[0]);
  if (ServerError.is(error)) {
    // A non-2xx answer served as plain application/json still carries the GraphQL errors.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: WireError[] };
      if (body.errors?.length) return fromWire(body.errors[0]);
    } catch {
      // Not JSON: a proxy's error page.
    }
    return { code: 'NETWORK', message: error.message };
  }
  if (error instanceof TypeError) return { code: 'NETWORK', message: error.message };
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
}
