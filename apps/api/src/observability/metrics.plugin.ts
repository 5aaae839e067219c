import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '#shared/graphql';
import type { Metrics } from './metrics.js';

/**
 * Counts and times every GraphQL operation over HTTP by its type and root field (bounded by the
 * schema, unlike client-chosen operation names), with its outcome: ok, or the first error's code.
 */
export function metricsPlugin(metrics: Pick<Metrics, 'operation'>): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let operation = 'unknown';
      let field = 'unknown';
      return {
        async didResolveOperation({ operation: resolved }) {
          operation = resolved?.operation ?? 'unknown';
          const first = resolved?.selectionSet.selections.find((selection) => selection.kind === 'Field');
          if (first?.kind === 'Field') field = first.name.value;
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.['code'];
          metrics.operation(operation, field, errors === undefined || errors.length === 0 ? 'ok' : typeof code === 'string' ? code : 'error', (performance.now() - started) / 1000);
        },
      };
    },
  };
}
