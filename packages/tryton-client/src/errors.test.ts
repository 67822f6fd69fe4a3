import { describe, expect, it } from 'vitest';
import {
  AccessDeniedError,
  ConcurrencyError,
  errorFromBody,
  errorFromStatus,
  isTrytonError,
  LoginRefusedError,
  ProtocolError,
  RateLimitedError,
  ServerError,
  SessionExpiredError,
  TrytonError,
  UnavailableError,
  UserError,
  UserWarningError,
} from './errors.js';

describe('error mapping', () => {
  it('maps every JSON-RPC error shape to its class and code', () => {
    const user = errorFromBody(
      ['UserError', ['Not allowed', 'Because of rules', [['a', '=', 1]]]],
      'model.sale.sale.read',
    );
    expect(user).toBeInstanceOf(UserError);
    expect(user).toMatchObject({
      code: 'TRYTON_USER_ERROR',
      message: 'Not allowed',
      description: 'Because of rules',
      method: 'model.sale.sale.read',
    });
    const warning = errorFromBody(
      ['UserWarning', ['invoice_payment_term_2', 'Due date in the past', '']],
      'm',
    );
    expect(warning).toBeInstanceOf(UserWarningError);
    expect((warning as UserWarningError).name).toBe('invoice_payment_term_2');
    expect(
      errorFromBody(['ConcurrencyException', 'Records were modified in the meanwhile'], 'm'),
    ).toBeInstanceOf(ConcurrencyError);
    expect(
      errorFromBody(['LoginException', ['password', 'Password', 'password']], 'm'),
    ).toBeInstanceOf(LoginRefusedError);
    const server = errorFromBody(
      ["'x' has no attribute 'y'", 'Traceback (most recent call last): secret'],
      'm',
    );
    expect(server).toBeInstanceOf(ServerError);
    expect(server.message).not.toContain('Traceback');
    expect(errorFromBody('nonsense', 'm')).toBeInstanceOf(ProtocolError);
  });

  it('maps HTTP statuses', () => {
    expect(errorFromStatus(401, 'model.x.read', undefined)).toBeInstanceOf(SessionExpiredError);
    expect(errorFromStatus(401, 'common.db.login', undefined)).toBeInstanceOf(LoginRefusedError);
    expect(errorFromStatus(403, 'm', undefined)).toBeInstanceOf(AccessDeniedError);
    const limited = errorFromStatus(429, 'm', '7');
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(7);
    expect(errorFromStatus(503, 'm', undefined)).toBeInstanceOf(UnavailableError);
    expect(errorFromStatus(418, 'm', undefined)).toBeInstanceOf(ProtocolError);
  });

  it('recognises errors across package copies, and every class is a TrytonError', () => {
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('@portal/tryton-client/error')]: true,
      code: 'TRYTON_TIMEOUT',
    });
    expect(isTrytonError(foreign)).toBe(true);
    expect(isTrytonError(new Error('x'))).toBe(false);
    expect(errorFromStatus(503, 'm', undefined)).toBeInstanceOf(TrytonError);
  });
});
