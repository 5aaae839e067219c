import { conflict, forbidden, invalidInput, isTeam, notFound, toIso, type ActorTeam, type CommandContext } from '#shared';
import type {
  AddActionItem,
  CompleteActionItem,
  ConcludeRetrospective,
  FilePerspective,
  OpenRetrospective,
  ReasonSnapshots,
  RetrospectiveCommand,
} from './commands.js';
import type { ClosureOutcome, RetrospectiveEvent } from './events.js';
import type { RetroState, RetrospectiveState } from './state.js';

/** Who runs a retrospective; filing a perspective is for MARKETING and SALES only. */
const PARTICIPANTS: readonly ActorTeam[] = ['MARKETING', 'SALES', 'REVOPS'];

/** The reasons a retrospective may cite: WIN reasons for a won deal, LOSS reasons for a lost one. */
function reasonKindFor(outcome: ClosureOutcome): 'WIN' | 'LOSS' {
  return outcome === 'WON' ? 'WIN' : 'LOSS';
}

export function decide(
  command: RetrospectiveCommand,
  state: RetroState,
  context: CommandContext,
): readonly RetrospectiveEvent[] {
  switch (command.type) {
    case 'OpenRetrospective':
      return open(command, state, context);
    case 'FilePerspective':
      return file(command, state, context);
    case 'AddActionItem':
      return addActionItem(command, state, context);
    case 'CompleteActionItem':
      return completeActionItem(command, state, context);
    case 'ConcludeRetrospective':
      return conclude(command, state, context);
  }
}

function open(command: OpenRetrospective, state: RetroState, context: CommandContext): readonly RetrospectiveEvent[] {
  requireParticipant(context, 'open a retrospective');
  const { deal } = command;
  if (deal === null) throw notFound(`Deal "${command.dealId}" does not exist`);
  const closure = deal.latestClosure;
  if (state !== null) {
    // Checked before the deal's status: a retry still answers after the deal was reopened.
    if (state.dealId === command.dealId && closure !== null && state.closure === closure.closure) return [];
    throw conflict(`Retrospective "${command.retrospectiveId}" already exists for another deal or closure`);
  }
  if (deal.status === 'OPEN' || closure === null) {
    throw conflict(`Deal "${command.dealId}" is open; a retrospective reviews a won or lost deal`);
  }
  return [
    {
      type: 'RetrospectiveOpened',
      data: {
        retrospectiveId: command.retrospectiveId,
        dealId: command.dealId,
        closure: closure.closure,
        outcome: closure.outcome,
        closedAt: closure.closedAt,
        openedAt: toIso(context.now),
      },
    },
  ];
}

function file(command: FilePerspective, state: RetroState, context: CommandContext): readonly RetrospectiveEvent[] {
  const { actor } = context;
  if (!isTeam(actor.team)) {
    throw forbidden(`Only MARKETING or SALES file a perspective, each for their own team; the caller is ${actor.team}`);
  }
  const team = actor.team;
  const retro = requireRetrospective(command.retrospectiveId, state);
  requireOpen(retro, 'perspectives can no longer be filed');
  checkReasons(command.reasonCodes, command.reasons, retro.outcome, 'reasonCodes');

  const current = retro.perspectives[team];
  const unchanged =
    current !== undefined &&
    current.author === actor.id &&
    current.notes === command.notes &&
    sameList(current.reasonCodes, command.reasonCodes);
  if (unchanged) return [];
  return [
    {
      type: 'PerspectiveFiled',
      data: {
        retrospectiveId: retro.id,
        team,
        author: actor.id,
        reasonCodes: command.reasonCodes,
        notes: command.notes,
        filedAt: toIso(context.now),
      },
    },
  ];
}

function addActionItem(command: AddActionItem, state: RetroState, context: CommandContext): readonly RetrospectiveEvent[] {
  requireParticipant(context, 'add an action item');
  const retro = requireRetrospective(command.retrospectiveId, state);
  // Follow-up work outlives the discussion, so a concluded retrospective still takes items.
  const existing = retro.actionItems.find((item) => item.id === command.actionItemId);
  if (existing !== undefined) {
    const same =
      existing.ownerTeam === command.ownerTeam &&
      existing.description === command.description &&
      existing.dueDate === command.dueDate;
    if (same) return [];
    throw conflict(`Action item "${command.actionItemId}" already exists with other content`);
  }
  return [
    {
      type: 'ActionItemAdded',
      data: {
        retrospectiveId: retro.id,
        actionItemId: command.actionItemId,
        ownerTeam: command.ownerTeam,
        description: command.description,
        dueDate: command.dueDate,
        addedBy: context.actor.id,
        addedAt: toIso(context.now),
      },
    },
  ];
}

function completeActionItem(
  command: CompleteActionItem,
  state: RetroState,
  context: CommandContext,
): readonly RetrospectiveEvent[] {
  requireParticipant(context, 'complete an action item');
  const retro = requireRetrospective(command.retrospectiveId, state);
  // The retrospective is the mutation's target and exists; an id naming none of its items is a
  // wrong input value, and the field tells the client which one.
  const item = retro.actionItems.find((candidate) => candidate.id === command.actionItemId);
  if (item === undefined) {
    throw invalidInput('actionItemId', `actionItemId "${command.actionItemId}" names no action item of retrospective "${retro.id}"`);
  }
  // Not a silent no-op: two people finishing the same item should learn that someone already
  // did, and when, rather than each believe they closed it.
  if (item.completedAt !== null) {
    throw conflict(`Action item "${item.id}" was already completed at ${item.completedAt}`);
  }
  return [
    {
      type: 'ActionItemCompleted',
      data: { retrospectiveId: retro.id, actionItemId: item.id, completedBy: context.actor.id, completedAt: toIso(context.now) },
    },
  ];
}

function conclude(command: ConcludeRetrospective, state: RetroState, context: CommandContext): readonly RetrospectiveEvent[] {
  requireParticipant(context, 'conclude a retrospective');
  const retro = requireRetrospective(command.retrospectiveId, state);
  requireOpen(retro, 'it is closed for good');
  const missing = (['MARKETING', 'SALES'] as const).filter((team) => retro.perspectives[team] === undefined);
  if (missing.length > 0) {
    throw conflict(`Retrospective "${retro.id}" cannot conclude before both teams filed; waiting for ${missing.join(' and ')}`);
  }
  checkReasons(command.agreedReasonCodes, command.reasons, retro.outcome, 'agreedReasonCodes');
  return [
    {
      type: 'RetrospectiveConcluded',
      data: {
        retrospectiveId: retro.id,
        agreedReasonCodes: command.agreedReasonCodes,
        summary: command.summary,
        concludedBy: context.actor.id,
        concludedAt: toIso(context.now),
      },
    },
  ];
}

function checkReasons(codes: readonly string[], reasons: ReasonSnapshots, outcome: ClosureOutcome, field: string): void {
  const kind = reasonKindFor(outcome);
  for (const code of codes) {
    const reason = Object.hasOwn(reasons, code) ? reasons[code] : null;
    if (reason === null || reason === undefined) throw invalidInput(field, `${field} names "${code}", which is not in the reason catalog`);
    if (reason.retired) throw invalidInput(field, `${field} names "${code}", which is retired; use an active reason`);
    if (reason.kind !== kind) {
      throw invalidInput(field, `${field} names "${code}", a ${reason.kind} reason; a ${outcome} deal takes ${kind} reasons`);
    }
  }
}

function requireParticipant(context: CommandContext, what: string): void {
  if (!PARTICIPANTS.includes(context.actor.team)) {
    throw forbidden(`Only MARKETING, SALES or REVOPS may ${what}; the caller is ${context.actor.team}`);
  }
}

function requireRetrospective(retrospectiveId: string, state: RetroState): RetrospectiveState {
  if (state === null) throw notFound(`Retrospective "${retrospectiveId}" does not exist`);
  return state;
}

function requireOpen(retro: RetrospectiveState, consequence: string): void {
  if (retro.status !== 'OPEN') throw conflict(`Retrospective "${retro.id}" is concluded; ${consequence}`);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
