import {
  clientIdOrNew,
  invalidInput,
  optionalText,
  parseAmount,
  parseDate,
  requireId,
  requireText,
  type Currency,
} from '#shared';

export interface ProposeSharedGoal {
  readonly type: 'ProposeSharedGoal';
  readonly goalId: string;
  readonly name: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly targetMinor: number;
  readonly currency: string;
  readonly segment: string | null;
}

export interface EndorseSharedGoal {
  readonly type: 'EndorseSharedGoal';
  readonly goalId: string;
}

export interface ReviseGoalTarget {
  readonly type: 'ReviseGoalTarget';
  readonly goalId: string;
  readonly targetMinor: number;
  /** The currency the target was parsed in: minor units of another currency do not compare. */
  readonly currency: string;
  readonly reason: string;
}

export interface CloseSharedGoal {
  readonly type: 'CloseSharedGoal';
  readonly goalId: string;
}

export type GoalCommand = ProposeSharedGoal | EndorseSharedGoal | ReviseGoalTarget | CloseSharedGoal;

// The GraphQL inputs' shapes, as plain objects (field names as the contract spells them).

export interface ProposeSharedGoalFields {
  readonly id?: string | null;
  readonly name: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly target: string;
  readonly segment?: string | null;
}

export interface GoalIdFields {
  readonly goalId: string;
}

export interface ReviseGoalTargetFields {
  readonly goalId: string;
  readonly target: string;
  readonly reason: string;
}

export function parseProposeSharedGoalInput(input: ProposeSharedGoalFields, cur: Currency): ProposeSharedGoal {
  const goalId = clientIdOrNew(input.id, 'id');
  const name = requireText(input.name, 'name', 1, 200);
  const periodStart = parseDate(input.periodStart, 'periodStart');
  const periodEnd = parseDate(input.periodEnd, 'periodEnd');
  // YYYY-MM-DD strings order as the dates do.
  if (periodEnd < periodStart) {
    throw invalidInput('periodEnd', `periodEnd must be on or after periodStart (${periodStart}), got ${periodEnd}`);
  }
  const targetMinor = parseAmount(input.target, 'target', cur, { positive: true });
  const segment = optionalText(input.segment, 'segment', 100);
  return { type: 'ProposeSharedGoal', goalId, name, periodStart, periodEnd, targetMinor, currency: cur.code, segment };
}

export function parseEndorseSharedGoalInput(input: GoalIdFields): EndorseSharedGoal {
  return { type: 'EndorseSharedGoal', goalId: requireId(input.goalId, 'goalId') };
}

export function parseReviseGoalTargetInput(input: ReviseGoalTargetFields, cur: Currency): ReviseGoalTarget {
  return {
    type: 'ReviseGoalTarget',
    goalId: requireId(input.goalId, 'goalId'),
    targetMinor: parseAmount(input.target, 'target', cur, { positive: true }),
    currency: cur.code,
    reason: requireText(input.reason, 'reason', 1, 500, { multiline: true }),
  };
}

export function parseCloseSharedGoalInput(input: GoalIdFields): CloseSharedGoal {
  return { type: 'CloseSharedGoal', goalId: requireId(input.goalId, 'goalId') };
}
