import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Actor } from '#shared';
import { isVolatile, type RequestContext } from '#shared/graphql';

/**
 * How many characters of JSON the answers kept may come to, the least recently used going first.
 * An answer kept as objects takes several times its JSON in memory: 2 M characters stay within
 * a few tens of MB, and hold hundreds of dashboards' answers (a page of 50 deals with their
 * touches is 12 k characters).
 */
export const DEFAULT_RESPONSE_CACHE_CHARS = 2 * 1024 * 1024;

interface StoredAnswer {
  readonly stateVersion: number;
  /** Its HTTP body, serialized once, is in `bodies` for as long as the data is kept. */
  readonly data: Record<string, unknown>;
  readonly chars: number;
}

export interface ResponseCache {
  readonly plugin: ApolloServerPlugin<RequestContext>;
  /** Apollo's `stringifyResult`: the kept body of an answer that has one, else what Apollo writes by default. */
  readonly stringifyResult: (result: FormattedExecutionResult) => string;
}

export interface ResponseCacheOptions {
  /** Moves whenever any read model's rows or status may have changed (ProjectionRunner.stateVersion). */
  readonly stateVersion: () => number;
  /** The bound of the answers kept, in characters of JSON; 0 keeps none. */
  readonly maxChars?: number;
  /** No answer larger than this is kept, so that one cannot crowd out the rest: a 16th of maxChars. */
  readonly maxAnswerChars?: number;
}

/**
 * A dashboard asking the same question twice between two events pays once: the whole answer of a
 * query is kept under (caller, document, operation, variables) together with the read models'
 * state version when it was computed, and given again, without executing, for as long as that
 * version stands still. The first commit of any projection makes every kept answer stale.
 *
 * What is never kept: mutations; anonymous calls; answers with errors; answers during which the
 * read models moved; and answers an operation marked volatile (markVolatile: those that read the
 * clock, such as progress "now", or the store's head, such as health). The limits are not
 * bypassed: Apollo prices and rate-limits the operation (cost-plugin.ts) before it asks here.
 *
 * An answer is kept with its HTTP body, serialized once when it is computed: `stringifyResult`
 * hands Apollo that body for the answer's data (by identity), so that neither the request that
 * computed it nor those given it again serialize it anew.
 */
export function responseCache({ stateVersion, maxChars = DEFAULT_RESPONSE_CACHE_CHARS, maxAnswerChars = maxChars / 16 }: ResponseCacheOptions): ResponseCache {
  const bodies = new WeakMap<object, string>();
  return {
    plugin: responseCachePlugin(stateVersion, maxChars, maxAnswerChars, bodies),
    stringifyResult: (result) => {
      const body = result.errors === undefined && result.extensions === undefined && result.data ? bodies.get(result.data) : undefined;
      // Apollo's own default, to the character.
      return body ?? `${JSON.stringify(result)}\n`;
    },
  };
}

function responseCachePlugin(
  stateVersion: () => number,
  maxChars: number,
  maxAnswerChars: number,
  bodies: WeakMap<object, string>,
): ApolloServerPlugin<RequestContext> {
  const answers = new Map<string, StoredAnswer>();
  let keptChars = 0;
  const forget = (key: string): void => {
    const stored = answers.get(key);
    if (stored === undefined) return;
    answers.delete(key);
    keptChars -= stored.chars;
  };
  return {
    async requestDidStart() {
      let key: string | undefined;
      let versionBefore = 0;
      let fromCache = false;
      return {
        async responseForOperation({ operation, contextValue, queryHash, request, response }): Promise<GraphQLResponse | null> {
          if (maxChars === 0 || operation.operation !== 'query' || contextValue.actor === undefined) return null;
          key = `${callerKey(contextValue.actor)}\u0000${queryHash}\u0000${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          versionBefore = stateVersion();
          const stored = answers.get(key);
          if (stored === undefined) return null;
          forget(key);
          if (stored.stateVersion !== versionBefore) return null;
          answers.set(key, stored);
          keptChars += stored.chars;
          fromCache = true;
          return { http: response.http, body: { kind: 'single', singleResult: { data: stored.data } } };
        },
        async willSendResponse({ response, contextValue }) {
          if (key === undefined || fromCache || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (errors !== undefined || data === undefined || data === null) return;
          if (isVolatile(contextValue) || stateVersion() !== versionBefore) return;
          const body = `${JSON.stringify({ data })}\n`;
          bodies.set(data, body);
          const chars = key.length + body.length;
          if (chars > maxAnswerChars) return;
          forget(key);
          answers.set(key, { stateVersion: versionBefore, data, chars });
          keptChars += chars;
          for (const oldest of answers.keys()) {
            if (keptChars <= maxChars) break;
            forget(oldest);
          }
        },
      };
    },
  };
}

/** Everything about the caller an answer can depend on: who, which team, whether a lead. */
function callerKey(actor: Actor): string {
  return JSON.stringify([actor.id, actor.team, actor.lead, actor.name ?? null]);
}
