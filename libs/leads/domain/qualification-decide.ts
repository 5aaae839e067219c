import { conflict, forbidden, isTeam, notFound, toIso, type CommandContext } from '#shared';
import type { EndorseQualification, ProposeQualification, QualificationCommand, ReviewQualification } from './qualification-commands.js';
import type { QualificationEvent } from './qualification-events.js';
import { findVersion, type QualificationState } from './qualification-state.js';

export function decideQualification(command: QualificationCommand, state: QualificationState, context: CommandContext): readonly QualificationEvent[] {
  switch (command.type) {
    case 'ProposeQualification':
      return propose(command, state, context);
    case 'EndorseQualification':
      return endorse(command, state, context);
    case 'ReviewQualification':
      return review(command, state, context);
  }
}

function propose(command: ProposeQualification, state: QualificationState, context: CommandContext): readonly QualificationEvent[] {
  requireLeadOrRevOps(context, 'propose a qualification agreement');
  const open = state.versions.find((entry) => entry.status === 'PROPOSED');
  const { criteria, minimumMet, respondWithinHours, reviewEveryDays } = command;
  return [
    {
      type: 'QualificationProposed',
      data: {
        version: state.versions.length + 1,
        criteria,
        minimumMet,
        respondWithinHours,
        reviewEveryDays,
        proposedBy: context.actor.id,
        proposedAt: toIso(context.now),
        withdraws: open?.version ?? null,
      },
    },
  ];
}

function endorse(command: EndorseQualification, state: QualificationState, context: CommandContext): readonly QualificationEvent[] {
  const { actor } = context;
  if (!actor.lead || !isTeam(actor.team)) {
    throw forbidden('Only a lead of MARKETING or SALES may endorse the qualification agreement, for their own team');
  }
  const team = actor.team;
  const entry = findVersion(state, command.version);
  if (entry === null) throw notFound(`Qualification agreement version ${command.version} does not exist`);
  if (entry.endorsedBy.includes(team)) return [];
  if (entry.status !== 'PROPOSED') {
    throw conflict(`Qualification agreement version ${entry.version} is ${entry.status}; only a PROPOSED version can be endorsed`);
  }
  const at = toIso(context.now);
  const endorsed: QualificationEvent = { type: 'QualificationEndorsed', data: { version: entry.version, team, by: actor.id, at } };
  const bothSigned = entry.endorsedBy.length + 1 === 2;
  if (!bothSigned) return [endorsed];
  return [endorsed, { type: 'QualificationActivated', data: { version: entry.version, at, supersedes: state.inForce } }];
}

function review(command: ReviewQualification, state: QualificationState, context: CommandContext): readonly QualificationEvent[] {
  requireLeadOrRevOps(context, 'review the qualification agreement');
  if (state.inForce === null) throw conflict('No qualification agreement is in force; there is nothing to review');
  return [{ type: 'QualificationReviewed', data: { version: state.inForce, note: command.note, by: context.actor.id, at: toIso(context.now) } }];
}

function requireLeadOrRevOps(context: CommandContext, what: string): void {
  const { actor } = context;
  if (actor.team === 'REVOPS' || (actor.lead && isTeam(actor.team))) return;
  throw forbidden(`Only a lead of MARKETING or SALES, or REVOPS, may ${what}`);
}
