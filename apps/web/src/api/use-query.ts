import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../generated/graphql';
import { ApiError } from './api';
import { useApi } from './api-context';

export type QueryState<Result> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiError }
  | { readonly status: 'data'; readonly data: Result; readonly refreshing: boolean };

export type QueryResult<Result> = QueryState<Result> & { readonly refetch: () => void };

type Settled<Result> = { readonly status: 'error'; readonly error: ApiError } | { readonly status: 'data'; readonly data: Result };

interface Answered<Result> {
  readonly key: string;
  readonly round: number;
  readonly state: Settled<Result>;
}

/**
 * Asks the API when the variables change (null: not yet), and again on refetch. A refetch keeps
 * the answer on screen until the next one arrives (so does a new question, with keepPrevious);
 * an answer to an earlier question is dropped.
 */
export function useQuery<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables | null,
  { keepPrevious = false }: { keepPrevious?: boolean } = {},
): QueryResult<Result> {
  const api = useApi();
  const key = variables === null ? null : JSON.stringify(variables);
  const [round, setRound] = useState(0);
  const [answered, setAnswered] = useState<Answered<Result> | null>(null);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    api.request(document, JSON.parse(key) as Variables).then(
      (data) => {
        if (current) setAnswered({ key, round, state: { status: 'data', data } });
      },
      (error: unknown) => {
        if (current) setAnswered({ key, round, state: { status: 'error', error: asApiError(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [api, document, key, round]);

  const refetch = useCallback(() => setRound((value) => value + 1), []);
  return { ...shown(answered, key, round, keepPrevious), refetch };
}

function shown<Result>(answered: Answered<Result> | null, key: string | null, round: number, keepPrevious: boolean): QueryState<Result> {
  if (answered === null || key === null) return { status: 'loading' };
  const settled = answered.state;
  if (answered.key === key && answered.round === round) return settled.status === 'data' ? { ...settled, refreshing: false } : settled;
  if (settled.status === 'data' && (answered.key === key || keepPrevious)) return { ...settled, refreshing: true };
  return { status: 'loading' };
}

export interface Mutation<Result, Variables> {
  readonly run: (variables: Variables) => Promise<Result | undefined>;
  readonly pending: boolean;
  readonly error: ApiError | null;
  readonly reset: () => void;
}

/** A command sent on demand: its answer, or its error kept for the form that sent it. */
export function useMutation<Result, Variables>(document: TypedDocumentString<Result, Variables>): Mutation<Result, Variables> {
  const api = useApi();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (variables: Variables) => {
      setPending(true);
      setError(null);
      try {
        return await api.request(document, variables);
      } catch (caught) {
        setError(asApiError(caught));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [api, document],
  );
  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', error instanceof Error ? error.message : String(error));
}
