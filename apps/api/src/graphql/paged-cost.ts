import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, validate, visit, type DocumentNode, type ValidationRule } from 'graphql';

type CostLimit = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>['costLimit'];

/**
 * The cost limit counts a list's selection once per item asked for, but it reads `first` only
 * when it is written in the document. This plugin prices the operation again once its variables
 * are known, with each `first: $variable` written out, so a page size passed as a variable costs
 * what the same literal would.
 */
export function pagedCostPlugin(costLimit: CostLimit): ApolloServerPlugin {
  const rules: ValidationRule[] = [
    ...new ApolloArmor({
      costLimit,
      maxDepth: { enabled: false },
      maxAliases: { enabled: false },
      maxTokens: { enabled: false },
      maxDirectives: { enabled: false },
      blockFieldSuggestion: { enabled: false },
    }).protect().validationRules,
  ];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const variables = request.variables ?? {};
          if (Object.keys(variables).length === 0) return;
          let inlined = false;
          const priced: DocumentNode = visit(document, {
            Argument(node) {
              if ((node.name.value !== 'first' && node.name.value !== 'last') || node.value.kind !== Kind.VARIABLE) return undefined;
              const value = variables[node.value.name.value];
              if (!Number.isSafeInteger(value)) return undefined;
              inlined = true;
              return { ...node, value: { kind: Kind.INT, value: String(value) } };
            },
          });
          if (!inlined) return;
          const [error] = validate(schema, priced, rules);
          if (error !== undefined) throw new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
        },
      };
    },
  };
}
