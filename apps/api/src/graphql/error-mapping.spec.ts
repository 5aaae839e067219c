import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { DomainError, invalidInput, versionMismatch } from '#shared';
import { clientCode, createErrorFormatter } from './error-mapping.js';

describe('error mapping', () => {
  const format = createErrorFormatter(pino({ level: 'silent' }));

  it.each([
    ['INVALID_INPUT', 'BAD_USER_INPUT'],
    ['NOT_FOUND', 'NOT_FOUND'],
    ['CONFLICT', 'CONFLICT'],
    ['VERSION_MISMATCH', 'CONFLICT'],
    ['UNAUTHENTICATED', 'UNAUTHENTICATED'],
    ['FORBIDDEN', 'FORBIDDEN'],
    ['PROJECTION_LAG', 'PROJECTION_LAG'],
  ] as const)('maps %s to %s', (domain, client) => {
    expect(clientCode(domain)).toBe(client);
  });

  it('gives the field of a bad input', () => {
    const error = invalidInput('closedAt', 'closedAt must not be in the future');
    expect(format({ message: 'x', path: ['winDeal'] }, error)).toEqual({
      message: 'closedAt must not be in the future',
      path: ['winDeal'],
      extensions: { code: 'BAD_USER_INPUT', field: 'closedAt' },
    });
  });

  it('gives both versions of a stale write', () => {
    const formatted = format({ message: 'x' }, versionMismatch('Deal "d1"', 2, 4));
    expect(formatted.extensions).toEqual({ code: 'CONFLICT', expectedVersion: 2, actualVersion: 4 });
  });

  it('hides the detail of an unexpected error', () => {
    const formatted = format({ message: 'SQLITE_CORRUPT at /var/data', path: ['deal'] }, new Error('SQLITE_CORRUPT'));
    expect(formatted).toEqual({ message: 'Internal server error', path: ['deal'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it("passes GraphQL's own validation errors through", () => {
    const error = new GraphQLError('Cannot query field "x"', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error).extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
  });

  it('keeps a domain error thrown as a plain DomainError', () => {
    expect(format({ message: 'x' }, new DomainError('FORBIDDEN', 'Only REVOPS may do this')).extensions).toEqual({
      code: 'FORBIDDEN',
    });
  });
});
