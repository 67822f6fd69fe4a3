import { GraphQLEnumType } from 'graphql';
import { GATEWAY_CODES, QUERY_CODES } from '../errors.js';

/**
 * Every `extensions.code` a client can meet, as an enum of the schema: no field returns it,
 * it is there so that the SDL documents the codes and clients generate them (the web app's
 * `ErrorCode` type comes from it).
 */
export const ErrorCodeType = new GraphQLEnumType({
  name: 'ErrorCode',
  description:
    'The stable code of an error, in its `extensions.code`. Messages are for people and may change; programs read the code. Unlisted: nothing else is sent (a bug is INTERNAL_SERVER_ERROR).',
  values: Object.fromEntries(
    Object.entries({ ...QUERY_CODES, ...GATEWAY_CODES }).map(([code, description]) => [
      code,
      { value: code, description },
    ]),
  ),
});
