import { describe, expect, it } from '@jest/globals';
import { currency, DomainError } from '#shared';
import { parseCloseSharedGoalInput, parseEndorseSharedGoalInput, parseProposeSharedGoalInput, parseReviseGoalTargetInput } from './commands.js';

const usd = currency('USD');
const valid = { name: ' Q2 new business ', periodStart: '2026-04-01', periodEnd: '2026-06-30', target: '500000.50' };

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

describe('parseProposeSharedGoalInput', () => {
  it('turns the input into a command with the target in minor units and a new id', () => {
    const command = parseProposeSharedGoalInput(valid, usd);
    expect(command).toEqual({
      type: 'ProposeSharedGoal',
      goalId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Q2 new business',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      targetMinor: 50_000_050,
      currency: 'USD',
      segment: null,
    });
  });

  it('keeps a client-chosen id and segment', () => {
    expect(parseProposeSharedGoalInput({ ...valid, id: 'goal-q2', segment: 'SMB' }, usd)).toMatchObject({ goalId: 'goal-q2', segment: 'SMB' });
  });

  it('accepts a period of a single day', () => {
    expect(parseProposeSharedGoalInput({ ...valid, periodEnd: '2026-04-01' }, usd).periodEnd).toBe('2026-04-01');
  });

  it.each([
    ['id', { id: 'not ok' }],
    ['name', { name: '  ' }],
    ['name', { name: 'x'.repeat(201) }],
    ['periodStart', { periodStart: '2026-02-30' }],
    ['periodStart', { periodStart: '2026-13-01' }],
    ['periodEnd', { periodEnd: '30/06/2026' }],
    ['periodEnd', { periodEnd: '2026-03-31' }],
    ['target', { target: '0' }],
    ['target', { target: '0.00' }],
    ['target', { target: '-5' }],
    ['target', { target: '1.001' }],
    ['segment', { segment: 'x'.repeat(101) }],
  ])('refuses a bad %s, naming it', (field, overrides) => {
    expect(fieldOf(() => parseProposeSharedGoalInput({ ...valid, ...overrides }, usd))).toBe(field);
  });

  it('reads the target in the deployment currency’s minor digits', () => {
    expect(parseProposeSharedGoalInput({ ...valid, target: '500000' }, currency('JPY')).targetMinor).toBe(500_000);
    expect(fieldOf(() => parseProposeSharedGoalInput({ ...valid, target: '1.5' }, currency('JPY')))).toBe('target');
  });
});

describe('parseReviseGoalTargetInput', () => {
  it('turns the input into a command', () => {
    expect(parseReviseGoalTargetInput({ goalId: 'g-1', target: '600000', reason: ' Board ' }, usd)).toEqual({
      type: 'ReviseGoalTarget',
      goalId: 'g-1',
      targetMinor: 60_000_000,
      currency: 'USD',
      reason: 'Board',
    });
  });

  it.each([
    ['goalId', { goalId: '' }],
    ['target', { target: '0' }],
    ['target', { target: 'abc' }],
    ['reason', { reason: '' }],
    ['reason', { reason: 'x'.repeat(501) }],
  ])('refuses a bad %s, naming it', (field, overrides) => {
    expect(fieldOf(() => parseReviseGoalTargetInput({ goalId: 'g-1', target: '600000', reason: 'Board', ...overrides }, usd))).toBe(field);
  });
});

describe('parseEndorseSharedGoalInput and parseCloseSharedGoalInput', () => {
  it('name the goal', () => {
    expect(parseEndorseSharedGoalInput({ goalId: 'g-1' })).toEqual({ type: 'EndorseSharedGoal', goalId: 'g-1' });
    expect(parseCloseSharedGoalInput({ goalId: 'g-1' })).toEqual({ type: 'CloseSharedGoal', goalId: 'g-1' });
  });

  it('refuse a malformed goalId', () => {
    expect(fieldOf(() => parseEndorseSharedGoalInput({ goalId: 'a b' }))).toBe('goalId');
    expect(fieldOf(() => parseCloseSharedGoalInput({ goalId: 'a b' }))).toBe('goalId');
  });
});
