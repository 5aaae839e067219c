import type { ReactNode } from 'react';
import type { ApiError } from '../api/api';
import type { QueryResult } from '../api/use-query';

/** The API's answer in words a person can act on; the service's own message is kept. */
export function errorText(error: ApiError): string {
  switch (error.code) {
    case 'FORBIDDEN':
      return `Not allowed for your role: ${error.message}`;
    case 'UNAUTHENTICATED':
      return `Please sign in again: ${error.message}`;
    case 'CONFLICT':
      return `${error.message}. Someone may have changed it meanwhile: reload to see the latest.`;
    case 'NOT_FOUND':
      return `Not found: ${error.message}`;
    case 'PROJECTION_LAG':
      return 'Saved, but the figures are still catching up: reload in a moment.';
    case 'NETWORK':
      return 'The service could not be reached. Check the connection and try again.';
    case 'INTERNAL_SERVER_ERROR':
      return 'The service failed to answer. Try again; if it keeps failing, tell your administrator.';
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'GRAPHQL_PARSE_FAILED':
      return `This page asked for something this service does not offer: ${error.message}`;
    default:
      return error.message;
  }
}

export function Loading({ children }: { children: ReactNode }) {
  return (
    <p className="state loading" role="status">
      {children}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** An error next to what caused it, announced when it appears. */
export function ErrorMessage({ error, id }: { error: ApiError; id?: string }) {
  return (
    <p className="state error" role="alert" id={id}>
      {errorText(error)}
    </p>
  );
}

/** Loading, error or the data of a query, with a retry after an error. */
export function Answer<Result>({
  query,
  loading,
  children,
}: {
  query: QueryResult<Result>;
  loading: string;
  children: (data: Result, refreshing: boolean) => ReactNode;
}) {
  switch (query.status) {
    case 'loading':
      return <Loading>{loading}</Loading>;
    case 'error':
      return (
        <div className="state-block">
          <ErrorMessage error={query.error} />
          <button type="button" onClick={query.refetch}>
            Try again
          </button>
        </div>
      );
    case 'data':
      return <>{children(query.data, query.refreshing)}</>;
  }
}

/** A figure as read (rounded, grouped) with its exact value from the API alongside. */
export function Figure({ value, children }: { value: string | number; children: ReactNode }) {
  return <data value={String(value)}>{children}</data>;
}
