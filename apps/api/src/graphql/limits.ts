import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { Actor } from '#shared';
import { operationCost } from './cost.js';
import { CostRateLimiter } from './rate-limit.js';

/** Limits of a document (PRODUCT §6), generous enough for every query of the contract, the same over HTTP and WebSocket. */
export const DOCUMENT_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  // A field costs 1, an object 2, and a list's selection once per item the resolver returns
  // (cost.ts): a page of 200 deals with their touches, history and retrospective fits.
  maxCost: 20_000,
} as const;

/** Parsing stops at this many tokens, so a syntax error still answers GRAPHQL_PARSE_FAILED. */
export const PARSE_OPTIONS = { maxTokens: DOCUMENT_LIMITS.maxTokens } as const;

/** The validation rules both transports run besides graphql-js's own: depth, aliases, directives, and no introspection in production. */
export function documentRules(production: boolean): ValidationRule[] {
  const armor = new ApolloArmor({
    maxDepth: { n: DOCUMENT_LIMITS.maxDepth },
    // __typename counts too: a hundred aliases of it are a hundred aliases.
    maxAliases: { n: DOCUMENT_LIMITS.maxAliases, allowList: [] },
    maxTokens: { enabled: false },
    maxDirectives: { n: DOCUMENT_LIMITS.maxDirectives },
    // Priced by cost.ts once the variables are known, which the validation step does not see.
    costLimit: { enabled: false },
    // Suggestions are taken out of every message by the error formatter, over both transports.
    blockFieldSuggestion: { enabled: false },
  });
  return [...armor.protect().validationRules, ...(production ? [NoSchemaIntrospectionCustomRule] : [])];
}

export interface CostGateOptions {
  /** Cost an actor may spend per minute; 0 turns the rate limit off. */
  readonly costPerMinute: number;
}

export interface PricedOperation {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName: string | null | undefined;
  readonly variables: Readonly<Record<string, unknown>> | null | undefined;
  readonly actor: Actor | undefined;
}

/**
 * Prices an operation once its variables are known: past the cost limit it is refused
 * (GRAPHQL_VALIDATION_FAILED), and its cost is charged to the actor's budget for the minute,
 * past which it is RATE_LIMITED with the seconds to wait.
 */
export class CostGate {
  private readonly limiter: CostRateLimiter;

  constructor(options: CostGateOptions) {
    this.limiter = new CostRateLimiter(options.costPerMinute);
  }

  check({ schema, document, operationName, variables, actor }: PricedOperation): GraphQLError | undefined {
    const cost = operationCost(schema, document, operationName, variables);
    if (cost > DOCUMENT_LIMITS.maxCost) {
      return new GraphQLError(`Query cost limit of ${DOCUMENT_LIMITS.maxCost} exceeded, found ${cost}.`, {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
      });
    }
    // Without a token the request is refused before anything runs; it spends nobody's budget.
    if (actor === undefined) return undefined;
    const wait = this.limiter.charge(actor.id, cost);
    if (wait === undefined) return undefined;
    return new GraphQLError(`Rate limit reached: this caller's queries cost too much this minute; retry in ${wait} s`, {
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: wait, http: { status: 429, headers: new Map([['retry-after', String(wait)]]) } },
    });
  }
}
