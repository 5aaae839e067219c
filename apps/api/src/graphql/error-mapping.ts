import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, MAX_ECHO, type DomainErrorCode } from '#shared';
import type { Logger } from '../logger.js';

export type ClientErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PROJECTION_LAG'
  | 'INTERNAL_SERVER_ERROR';

/** The one place where a domain error code becomes the `extensions.code` clients see. */
export function clientCode(code: DomainErrorCode): ClientErrorCode {
  switch (code) {
    case 'INVALID_INPUT':
      return 'BAD_USER_INPUT';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
    case 'VERSION_MISMATCH':
      return 'CONFLICT';
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'PROJECTION_LAG':
      return 'PROJECTION_LAG';
    default: {
      const unhandled: never = code;
      throw new Error(`No client code for domain error ${String(unhandled)}`);
    }
  }
}

/** Apollo's own codes that reach the client as they are. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
]);

/**
 * Apollo refuses some requests with a 4xx status and no code of its own (an APQ hash that does
 * not match its query): those are the client's mistake, not the server's.
 */
function apolloRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return false;
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } }).extensions;
  const status = extensions?.http?.status;
  return extensions?.code === undefined && typeof status === 'number' && status >= 400 && status < 500;
}

/** A quoted value of more than MAX_ECHO characters in a message (graphql-js quotes what it was given). */
const LONG_QUOTE = new RegExp(`"((?:[^"\\\\]|\\\\.){${MAX_ECHO}})(?:[^"\\\\]|\\\\.)+"`, 'g');

/**
 * What a client may read of an error message: no value repeated past a hundred characters
 * (PRODUCT §6), and in production no "Did you mean …?" hint of field, type or enum names that
 * introspection would otherwise have kept to itself.
 */
export function clientMessage(text: string, production: boolean): string {
  const short = text.length > 1_000 || text.includes('"') ? text.slice(0, 100_000).replace(LONG_QUOTE, (_whole, kept: string) => `"${kept}…"`) : text;
  const bounded = short.length > 2_000 ? `${short.slice(0, 2_000)}…` : short;
  return production ? bounded.replace(/\s*Did you mean [^?]*\?/g, '') : bounded;
}

/**
 * Formats every error a client receives: domain errors with their code, field and versions;
 * GraphQL's own validation errors as Apollo made them; anything else as INTERNAL_SERVER_ERROR
 * with no detail (the detail goes to the log).
 */
export function createErrorFormatter(logger: Logger, { production }: { readonly production: boolean } = { production: false }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const message = (text: string): string => clientMessage(text, production);
    if (original instanceof DomainError) {
      const { field, expectedVersion, actualVersion } = original.details;
      return {
        message: message(original.message),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code: clientCode(original.code),
          ...(field !== undefined ? { field } : {}),
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          ...(actualVersion !== undefined ? { actualVersion } : {}),
        },
      };
    }
    const code = apolloRefusal(original) ? 'BAD_REQUEST' : formatted.extensions?.['code'];
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      const retryAfterSeconds = formatted.extensions?.['retryAfterSeconds'];
      return {
        message: message(formatted.message),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code, ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}) },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'Unexpected error while serving a request');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
