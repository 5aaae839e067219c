import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#shared';
import { parseDefineReasonInput, parseMergeReasonsInput, parseRetireReasonInput, type DefineReasonFields } from './commands.js';

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

describe('parseDefineReasonInput', () => {
  const valid: DefineReasonFields = { code: 'BUDGET_CUT_2', label: ' Budget cut ', category: 'PRICE', kind: 'LOSS' };

  it('turns the input into a command', () => {
    expect(parseDefineReasonInput(valid)).toEqual({
      type: 'DefineReason',
      code: 'BUDGET_CUT_2',
      label: 'Budget cut',
      category: 'PRICE',
      kind: 'LOSS',
    });
  });

  it.each(['WIN', 'LOSS', 'REJECTION'])('takes the kind %s', (kind) => {
    expect(parseDefineReasonInput({ ...valid, kind }).kind).toBe(kind);
  });

  it('takes the shortest and longest codes and a 200-character label', () => {
    expect(parseDefineReasonInput({ ...valid, code: 'AB' }).code).toBe('AB');
    expect(parseDefineReasonInput({ ...valid, code: `A${'B'.repeat(49)}`, label: 'l'.repeat(200) }).code).toHaveLength(50);
  });

  it.each<[string, string, Partial<DefineReasonFields>]>([
    ['code', 'a single letter', { code: 'A' }],
    ['code', '51 characters', { code: `A${'B'.repeat(50)}` }],
    ['code', 'a leading digit', { code: '1_PRICE' }],
    ['code', 'a leading underscore', { code: '_PRICE' }],
    ['code', 'lower case', { code: 'price_too_high' }],
    ['code', 'a dash', { code: 'PRICE-HIGH' }],
    ['label', 'an empty label', { label: ' ' }],
    ['label', 'a label over 200 characters', { label: 'l'.repeat(201) }],
    ['category', 'an unknown category', { category: 'BUDGET' }],
    ['kind', 'an unknown kind', { kind: 'DRAW' }],
  ])('refuses on %s %s', (field, _what, overrides) => {
    expect(fieldOf(() => parseDefineReasonInput({ ...valid, ...overrides }))).toBe(field);
  });
});

describe('parseRetireReasonInput', () => {
  it('takes a code, refusing a malformed one on code', () => {
    expect(parseRetireReasonInput({ code: 'BAD_TIMING' })).toEqual({ type: 'RetireReason', code: 'BAD_TIMING' });
    expect(fieldOf(() => parseRetireReasonInput({ code: 'bad timing' }))).toBe('code');
  });
});

describe('parseMergeReasonsInput', () => {
  it('takes both codes, refusing a malformed one on its own field', () => {
    expect(parseMergeReasonsInput({ from: 'BAD_TIMING', into: 'NO_DECISION' })).toEqual({
      type: 'MergeReasons',
      from: 'BAD_TIMING',
      into: 'NO_DECISION',
    });
    expect(fieldOf(() => parseMergeReasonsInput({ from: 'bad', into: 'NO_DECISION' }))).toBe('from');
    expect(fieldOf(() => parseMergeReasonsInput({ from: 'BAD_TIMING', into: '' }))).toBe('into');
  });
});
