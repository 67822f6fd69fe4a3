import type { ApolloServerPlugin } from '@apollo/server';
import { GatewayError, requestStatus } from '../errors.js';

/**
 * Gives a request refused before execution its HTTP status. Apollo answers 500 to any error
 * thrown by a plugin before execution unless the error carries `extensions.http` (its
 * `sendErrorResponse`): bad variables found while costing a query, for instance, came back as
 * 500. Here a GatewayError refused at that stage gets `requestStatus` of its code (400 for
 * the caller's mistakes); its own `extensions.http` (429, 503) still wins, since Apollo
 * merges it after `didEncounterErrors`. Errors met during execution are left alone: the
 * response carries data, hence 200.
 */
export function httpStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      let executing = false;
      return {
        async executionDidStart() {
          executing = true;
        },
        async didEncounterErrors({ errors, response }) {
          if (executing || response.http.status) return;
          const first = errors.find((error) => error instanceof GatewayError);
          if (first instanceof GatewayError) response.http.status = requestStatus(first.code);
        },
      };
    },
  };
}
