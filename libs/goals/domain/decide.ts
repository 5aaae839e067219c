import {
  conflict,
  currency,
  forbidden,
  formatAmount,
  invalidInput,
  isTeam,
  notFound,
  toIso,
  type ActorTeam,
  type CommandContext,
} from '#shared';
import type { CloseSharedGoal, EndorseSharedGoal, GoalCommand, ProposeSharedGoal, ReviseGoalTarget } from './commands.js';
import type { GoalEvent } from './events.js';
import type { GoalState, SharedGoalState } from './state.js';

/** Who sets, revises and closes the shared number. */
const GOAL_OWNERS: readonly ActorTeam[] = ['EXECUTIVE', 'REVOPS'];

export function decide(command: GoalCommand, state: GoalState, context: CommandContext): readonly GoalEvent[] {
  switch (command.type) {
    case 'ProposeSharedGoal':
      return propose(command, state, context);
    case 'EndorseSharedGoal':
      return endorse(command, state, context);
    case 'ReviseGoalTarget':
      return revise(command, state, context);
    case 'CloseSharedGoal':
      return close(command, state, context);
  }
}

function propose(command: ProposeSharedGoal, state: GoalState, context: CommandContext): readonly GoalEvent[] {
  requireGoalOwner(context, 'propose a shared goal');
  if (state !== null) {
    if (sameProposal(command, state)) return [];
    throw conflict(`Shared goal "${command.goalId}" already exists with a different proposal`);
  }
  return [
    {
      type: 'SharedGoalProposed',
      data: {
        goalId: command.goalId,
        name: command.name,
        periodStart: command.periodStart,
        periodEnd: command.periodEnd,
        targetMinor: command.targetMinor,
        currency: command.currency,
        segment: command.segment,
        proposedBy: context.actor.id,
        proposedAt: toIso(context.now),
      },
    },
  ];
}

// A repeat is compared with what was proposed, not with the goal as revised since.
function sameProposal(command: ProposeSharedGoal, goal: SharedGoalState): boolean {
  return (
    command.name === goal.name &&
    command.periodStart === goal.periodStart &&
    command.periodEnd === goal.periodEnd &&
    command.targetMinor === goal.proposedTargetMinor &&
    command.currency === goal.currency &&
    command.segment === goal.segment
  );
}

function endorse(command: EndorseSharedGoal, state: GoalState, context: CommandContext): readonly GoalEvent[] {
  const { actor } = context;
  if (!actor.lead || !isTeam(actor.team)) {
    throw forbidden('Only a lead of MARKETING or SALES may endorse a shared goal, for their own team');
  }
  const team = actor.team;
  const goal = requireGoal(command.goalId, state);
  if (goal.status === 'CLOSED') throw conflict(`Shared goal "${goal.id}" is closed and can no longer be endorsed`);
  if (goal.endorsedBy.includes(team)) return [];

  const at = toIso(context.now);
  const endorsed: GoalEvent = { type: 'SharedGoalEndorsed', data: { goalId: goal.id, team, by: actor.id, at } };
  const bothSigned = goal.endorsedBy.length + 1 === 2;
  return bothSigned ? [endorsed, { type: 'SharedGoalActivated', data: { goalId: goal.id, at } }] : [endorsed];
}

function revise(command: ReviseGoalTarget, state: GoalState, context: CommandContext): readonly GoalEvent[] {
  requireGoalOwner(context, 'revise a shared goal target');
  const goal = requireGoal(command.goalId, state);
  if (goal.status === 'CLOSED') throw conflict(`Shared goal "${goal.id}" is closed; its target can no longer change`);
  if (command.currency !== goal.currency) {
    throw conflict(`Shared goal "${goal.id}" is in ${goal.currency}; this service now counts in ${command.currency}`);
  }
  if (command.targetMinor === goal.targetMinor) {
    throw invalidInput('target', `target must differ from the current target ${formatAmount(goal.targetMinor, currency(goal.currency))}`);
  }
  return [
    {
      type: 'SharedGoalTargetRevised',
      data: {
        goalId: goal.id,
        fromMinor: goal.targetMinor,
        toMinor: command.targetMinor,
        reason: command.reason,
        by: context.actor.id,
        at: toIso(context.now),
        clearedEndorsements: [...goal.endorsedBy],
      },
    },
  ];
}

function close(command: CloseSharedGoal, state: GoalState, context: CommandContext): readonly GoalEvent[] {
  requireGoalOwner(context, 'close a shared goal');
  const goal = requireGoal(command.goalId, state);
  // Closing takes no input, so a repeat asks for exactly what already holds: answering it with
  // the closed goal lets a client retry safely and hides nothing.
  if (goal.status === 'CLOSED') return [];
  return [{ type: 'SharedGoalClosed', data: { goalId: goal.id, by: context.actor.id, at: toIso(context.now) } }];
}

function requireGoalOwner(context: CommandContext, what: string): void {
  if (!GOAL_OWNERS.includes(context.actor.team)) {
    throw forbidden(`Only EXECUTIVE or REVOPS may ${what}; the caller is ${context.actor.team}`);
  }
}

function requireGoal(goalId: string, state: GoalState): SharedGoalState {
  if (state === null) throw notFound(`Shared goal "${goalId}" does not exist`);
  return state;
}
