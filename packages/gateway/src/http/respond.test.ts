import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GatewayError, quotaExceeded, trytonUnavailable } from '../errors.js';
import { errorBody } from './respond.js';

describe('errorBody', () => {
  it('gives the REST shape with the code, the message and the other extensions', () => {
    expect(errorBody(quotaExceeded(3))).toEqual({
      error: {
        code: 'THROTTLED',
        message: quotaExceeded(3).message,
        retryAfter: 3,
        reason: 'QUOTA',
      },
    });
  });

  it("keeps Apollo's http extension (status and headers) out of the body", () => {
    const error = trytonUnavailable(5);
    expect(error.extensions.http).toBeDefined();
    expect(JSON.stringify(errorBody(error))).not.toContain('http');
    expect(JSON.stringify(errorBody(error, 'graphql'))).not.toContain('http');
  });

  it('gives the GraphQL shape on /graphql, for codes of Apollo too', () => {
    const error = new GraphQLError('Malformed JSON body.', { extensions: { code: 'BAD_REQUEST' } });
    expect(errorBody(error, 'graphql')).toEqual({
      errors: [{ message: 'Malformed JSON body.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(errorBody(new GatewayError('NOT_FOUND', 'No such endpoint.'), 'graphql')).toEqual({
      errors: [{ message: 'No such endpoint.', extensions: { code: 'NOT_FOUND' } }],
    });
  });
});
