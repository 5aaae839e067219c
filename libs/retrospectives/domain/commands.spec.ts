import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#shared';
import {
  parseAddActionItemInput,
  parseCompleteActionItemInput,
  parseConcludeRetrospectiveInput,
  parseFilePerspectiveInput,
  parseOpenRetrospectiveInput,
} from './commands.js';

function fieldOf(parse: () => unknown): string | undefined {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('INVALID_INPUT');
    return (error as DomainError).details.field;
  }
  throw new Error('expected INVALID_INPUT');
}

const codes = (count: number): string[] => Array.from({ length: count }, (_, index) => `REASON_${index}`);

describe('parseOpenRetrospectiveInput', () => {
  it('makes an id when the client gives none and keeps one it gives', () => {
    expect(parseOpenRetrospectiveInput({ dealId: 'd-1' })).toEqual({
      type: 'OpenRetrospective',
      retrospectiveId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      dealId: 'd-1',
    });
    expect(parseOpenRetrospectiveInput({ id: 'retro-1', dealId: 'd-1' }).retrospectiveId).toBe('retro-1');
  });

  it.each([
    ['id', { id: 'a b', dealId: 'd-1' }],
    ['dealId', { dealId: '' }],
  ])('refuses a malformed %s', (field, input) => {
    expect(fieldOf(() => parseOpenRetrospectiveInput(input))).toBe(field);
  });
});

describe('parseFilePerspectiveInput', () => {
  it('keeps the codes in the order given and trims the notes', () => {
    expect(parseFilePerspectiveInput({ retrospectiveId: 'r-1', reasonCodes: ['BAD_TIMING', 'PRICE_TOO_HIGH'], notes: ' Late. ' })).toEqual({
      type: 'FilePerspective',
      retrospectiveId: 'r-1',
      reasonCodes: ['BAD_TIMING', 'PRICE_TOO_HIGH'],
      notes: 'Late.',
    });
  });

  it('accepts ten reasons and no notes', () => {
    expect(parseFilePerspectiveInput({ retrospectiveId: 'r-1', reasonCodes: codes(10) })).toMatchObject({ reasonCodes: codes(10), notes: null });
  });

  it.each([
    ['reasonCodes', 'no reason', { reasonCodes: [] }],
    ['reasonCodes', 'eleven reasons', { reasonCodes: codes(11) }],
    ['reasonCodes', 'a duplicate', { reasonCodes: ['BAD_TIMING', 'PRICE_TOO_HIGH', 'BAD_TIMING'] }],
    ['reasonCodes', 'a malformed code', { reasonCodes: ['bad timing'] }],
    ['notes', 'notes over 5,000 characters', { notes: 'x'.repeat(5001) }],
    ['retrospectiveId', 'a malformed id', { retrospectiveId: 'r 1' }],
  ])('refuses %s for %s', (field, _what, overrides) => {
    expect(fieldOf(() => parseFilePerspectiveInput({ retrospectiveId: 'r-1', reasonCodes: ['BAD_TIMING'], ...overrides }))).toBe(field);
  });
});

describe('parseAddActionItemInput', () => {
  const valid = { retrospectiveId: 'r-1', ownerTeam: 'SALES', description: ' Call back in Q3 ', dueDate: '2026-07-01' };

  it('makes a new item id every time', () => {
    const first = parseAddActionItemInput(valid);
    expect(first).toEqual({
      type: 'AddActionItem',
      retrospectiveId: 'r-1',
      actionItemId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ownerTeam: 'SALES',
      description: 'Call back in Q3',
      dueDate: '2026-07-01',
    });
    expect(parseAddActionItemInput(valid).actionItemId).not.toBe(first.actionItemId);
  });

  it('takes no due date', () => {
    expect(parseAddActionItemInput({ ...valid, dueDate: null }).dueDate).toBeNull();
  });

  it.each([
    ['ownerTeam', { ownerTeam: 'REVOPS' }],
    ['description', { description: ' ' }],
    ['description', { description: 'x'.repeat(501) }],
    ['dueDate', { dueDate: '2026-13-01' }],
  ])('refuses a bad %s', (field, overrides) => {
    expect(fieldOf(() => parseAddActionItemInput({ ...valid, ...overrides }))).toBe(field);
  });
});

describe('parseCompleteActionItemInput', () => {
  it('names the retrospective and the item', () => {
    expect(parseCompleteActionItemInput({ retrospectiveId: 'r-1', actionItemId: 'i-1' })).toEqual({
      type: 'CompleteActionItem',
      retrospectiveId: 'r-1',
      actionItemId: 'i-1',
    });
  });

  it('refuses a malformed actionItemId', () => {
    expect(fieldOf(() => parseCompleteActionItemInput({ retrospectiveId: 'r-1', actionItemId: 'i 1' }))).toBe('actionItemId');
  });
});

describe('parseConcludeRetrospectiveInput', () => {
  it('turns the input into a request', () => {
    expect(parseConcludeRetrospectiveInput({ retrospectiveId: 'r-1', agreedReasonCodes: ['BAD_TIMING'], summary: ' Too late ' })).toEqual({
      type: 'ConcludeRetrospective',
      retrospectiveId: 'r-1',
      agreedReasonCodes: ['BAD_TIMING'],
      summary: 'Too late',
    });
  });

  it.each([
    ['agreedReasonCodes', { agreedReasonCodes: [] }],
    ['agreedReasonCodes', { agreedReasonCodes: ['BAD_TIMING', 'BAD_TIMING'] }],
    ['summary', { summary: '' }],
    ['summary', { summary: 'x'.repeat(5001) }],
  ])('refuses a bad %s', (field, overrides) => {
    expect(fieldOf(() => parseConcludeRetrospectiveInput({ retrospectiveId: 'r-1', agreedReasonCodes: ['BAD_TIMING'], summary: 'Too late', ...overrides }))).toBe(
      field,
    );
  });
});

describe('every retrospective update', () => {
  it.each<[string, () => unknown]>([
    ['filePerspective', () => parseFilePerspectiveInput({ retrospectiveId: 'r 1', reasonCodes: ['BAD_TIMING'] })],
    ['addActionItem', () => parseAddActionItemInput({ retrospectiveId: 'r 1', ownerTeam: 'SALES', description: 'Call back' })],
    ['completeActionItem', () => parseCompleteActionItemInput({ retrospectiveId: 'r 1', actionItemId: 'i-1' })],
    ['concludeRetrospective', () => parseConcludeRetrospectiveInput({ retrospectiveId: 'r 1', agreedReasonCodes: ['BAD_TIMING'], summary: 'Too late' })],
  ])('%s refuses a malformed retrospectiveId on retrospectiveId', (_mutation, parse) => {
    expect(fieldOf(parse)).toBe('retrospectiveId');
  });
});
