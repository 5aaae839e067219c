import DataLoader from 'dataloader';
import type { RequestContext } from './request-context.js';

/**
 * A DataLoader that lives as long as one GraphQL operation: nested fields of a page ask for their
 * rows one by one and get them in one query per field, and no answer outlives the request.
 */
export function requestLoader<Key extends string, Value>(
  request: RequestContext,
  name: string,
  batch: (keys: readonly Key[]) => ReadonlyMap<Key, Value>,
): DataLoader<Key, Value | null> {
  const existing = request.loaders.get(name);
  if (existing) return existing as DataLoader<Key, Value | null>;
  const loader = new DataLoader<Key, Value | null>(async (keys) => {
    const found = batch(keys);
    return keys.map((key) => found.get(key) ?? null);
  });
  request.loaders.set(name, loader as DataLoader<string, unknown>);
  return loader;
}

/**
 * The `resolve` of every subscription: graphql-ws builds one context per subscription, so its
 * loaders would keep the first event's rows for every later one. Each delivery starts afresh.
 */
export function freshDelivery<Payload>(payload: Payload, _args: unknown, request: RequestContext): Payload {
  request.loaders.clear();
  return payload;
}
