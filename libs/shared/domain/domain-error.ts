/**
 * Why a command or query was refused. The API maps each code to a GraphQL `extensions.code` in
 * one exhaustive switch; the domain never speaks GraphQL.
 */
export type DomainErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'VERSION_MISMATCH'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'PROJECTION_LAG';

export interface DomainErrorDetails {
  /** The input field at fault, as the client named it (e.g. "closedAt", "reasonCodes"). */
  readonly field?: string;
  readonly expectedVersion?: number;
  readonly actualVersion?: number | null;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

export const invalidInput = (field: string, message: string): DomainError =>
  new DomainError('INVALID_INPUT', message, { field });

export const notFound = (message: string): DomainError => new DomainError('NOT_FOUND', message);

export const conflict = (message: string): DomainError => new DomainError('CONFLICT', message);

export const forbidden = (message: string): DomainError => new DomainError('FORBIDDEN', message);

export const versionMismatch = (what: string, expectedVersion: number, actualVersion: number | null): DomainError =>
  new DomainError(
    'VERSION_MISMATCH',
    `${what} is at version ${actualVersion ?? 'none'}, not the expected ${expectedVersion}`,
    { expectedVersion, actualVersion },
  );
