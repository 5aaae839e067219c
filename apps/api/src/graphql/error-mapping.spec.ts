import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { DomainError, invalidInput, versionMismatch } from '#shared';
import { clientCode, clientMessage, createErrorFormatter } from './error-mapping.js';

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

  it('turns a 4xx refusal of Apollo that has no code (an APQ hash not matching its query) into BAD_REQUEST', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(format({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error)).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('keeps an unexpected error with a 5xx status internal', () => {
    const error = new GraphQLError('boom', { extensions: { http: { status: 500 } } });
    expect(format({ message: 'boom' }, error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});

describe('what a client may read of an error message', () => {
  it('repeats no more than 100 characters of a quoted value', () => {
    const value = 'x'.repeat(5_000);
    const message = clientMessage(`Expected type "Decimal", found "${value}".`, false);
    expect(message).toBe(`Expected type "Decimal", found "${'x'.repeat(100)}…".`);
  });

  it('keeps quotes with escaped quotes inside them bounded too', () => {
    const message = clientMessage(`found "${'a\\"'.repeat(200)}"`, false);
    expect(message.length).toBeLessThan(200);
  });

  it('bounds a long message without quotes at 2,000 characters', () => {
    const message = clientMessage('y'.repeat(10_000), false);
    expect(message).toHaveLength(2_001);
    expect(message.endsWith('…')).toBe(true);
  });

  it('drops "Did you mean" hints in production only', () => {
    const text = 'Value "SALEZ" does not exist in "Team" enum. Did you mean the enum value "SALES"?';
    expect(clientMessage(text, true)).toBe('Value "SALEZ" does not exist in "Team" enum.');
    expect(clientMessage(text, false)).toBe(text);
  });

  it('leaves a short message as it is', () => {
    expect(clientMessage('Deal "d1" does not exist', true)).toBe('Deal "d1" does not exist');
  });
});
