import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors.js';
import { formatError, withoutVariableValues } from './errors.plugin.js';

const format = formatError(pino({ level: 'silent' }));

describe('formatError', () => {
  it('never repeats the value of a variable that could not be coerced', () => {
    const message =
      'Variable "$password" got invalid value ["Hunter2-secret"]; String cannot represent a non string value: ["Hunter2-secret"]';
    const out = format(
      { message, extensions: { code: 'BAD_USER_INPUT' } },
      new GraphQLError(message),
    );
    expect(out.message).not.toContain('Hunter2');
    expect(out.message).toContain('$password');
    expect(out.extensions?.code).toBe('BAD_USER_INPUT');
    const viaGateway = format(
      { message, extensions: { code: 'BAD_USER_INPUT' } },
      new GatewayError('BAD_USER_INPUT', message),
    );
    expect(viaGateway.message).not.toContain('Hunter2');
  });

  it('keeps messages that carry no value', () => {
    const message = 'Variable "$first" of required type "Int!" was not provided.';
    expect(withoutVariableValues(message)).toBe(message);
  });

  it('masks an unexpected error as INTERNAL_SERVER_ERROR with no message from inside', () => {
    const out = format(
      { message: 'secret-ish internal detail', path: ['viewer'] },
      new TypeError('secret-ish internal detail'),
    );
    expect(out).toEqual({
      message: 'Internal server error.',
      path: ['viewer'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
