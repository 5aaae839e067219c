import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '#shared/graphql';
import type { CostGate } from './limits.js';

/**
 * Prices every HTTP operation once Apollo has resolved it, its variables known: refused past the
 * cost limit, RATE_LIMITED (429 with Retry-After) past the caller's budget for the minute.
 */
export function costPlugin(gate: CostGate): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema, contextValue }) {
          const refusal = gate.check({ schema, document, operationName: request.operationName, variables: request.variables, actor: contextValue.actor });
          if (refusal !== undefined) throw refusal;
        },
      };
    },
  };
}
