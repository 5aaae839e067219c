import type DataLoader from 'dataloader';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, type Actor, type Caller } from '#shared';

/** What every GraphQL operation carries: who asks (once verified) and the request's id. */
export interface RequestContext {
  readonly actor: Actor | undefined;
  /** Why the caller is not authenticated, when it is not. */
  readonly authError: DomainError | undefined;
  readonly correlationId: string;
  /** This operation's DataLoaders, by name (see requestLoader). */
  readonly loaders: Map<string, DataLoader<string, unknown>>;
}

export function requestContextOf(context: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
}

/** Who asks, with the request's correlation id: what a mutation hands its command. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const { actor, correlationId } = requestContextOf(context);
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'Authentication is required');
  return { actor, correlationId };
});

/** The whole request context, for resolvers that pass the correlation id on. */
export const CurrentRequest = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext => requestContextOf(context),
);

/**
 * What a mutation answers from: the read model of what it just wrote. After read-your-writes a
 * missing row is a bug, not a client error, so it surfaces as an internal error.
 */
export function readBack<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing from the read models after its write`);
  return value;
}

const moments = new WeakMap<RequestContext, number>();
const volatile = new WeakSet<RequestContext>();

/**
 * Says that this operation's answer depends on more than the read models and the caller (the
 * clock, the store's head, the process): it must not be answered again from a stored copy.
 */
export function markVolatile(request: RequestContext): void {
  volatile.add(request);
}

/** Whether something in this operation said its answer may differ a moment later (markVolatile). */
export function isVolatile(request: RequestContext): boolean {
  return volatile.has(request);
}

/**
 * "Now" for one GraphQL operation, read from the clock once: every field that defaults to now
 * (each goal's progress in a list, say) answers for the same instant, and loaders keyed by it
 * batch across the whole response.
 */
export function requestNow(request: RequestContext, clock: { now(): number }): number {
  let now = moments.get(request);
  if (now === undefined) {
    now = clock.now();
    moments.set(request, now);
    markVolatile(request);
  }
  return now;
}
