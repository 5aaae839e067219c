import {
  conflict,
  forbidden,
  invalidInput,
  notFound,
  notInFuture,
  toIso,
  type ActorTeam,
  type CommandContext,
} from '#shared';
import type {
  DealCommand,
  LoseDeal,
  MoveDealStage,
  OpenDeal,
  RecordTouch,
  ReopenDeal,
  ReviseDeal,
  WinDeal,
} from './commands.js';
import type { DealEvent, OpenDealStage } from './events.js';
import type { DealState, DealStreamState } from './state.js';

/** Who runs a deal: everything but touches, which each team records for itself. */
const DEAL_OWNERS: readonly ActorTeam[] = ['SALES', 'REVOPS'];

export function decide(command: DealCommand, state: DealStreamState, context: CommandContext): readonly DealEvent[] {
  switch (command.type) {
    case 'OpenDeal':
      return open(command, state, context);
    case 'RecordTouch':
      return recordTouch(command, state, context);
    case 'MoveDealStage':
      return moveStage(command, state, context);
    case 'ReviseDeal':
      return revise(command, state, context);
    case 'WinDeal':
      return win(command, state, context);
    case 'LoseDeal':
      return lose(command, state, context);
    case 'ReopenDeal':
      return reopen(command, state, context);
  }
}

function open(command: OpenDeal, state: DealStreamState, context: CommandContext): readonly DealEvent[] {
  requireDealOwner(context, 'open a deal');
  if (state !== null) {
    if (sameOpening(command, state)) return [];
    throw conflict(`Deal "${command.dealId}" already exists with different input`);
  }
  const openedAt = command.openedAt === null ? context.now : notInFuture(command.openedAt, 'openedAt', context.now);
  const opened: DealEvent = {
    type: 'DealOpened',
    data: {
      dealId: command.dealId,
      title: command.title,
      account: command.account,
      segment: command.segment,
      source: command.source,
      owner: command.owner,
      amountMinor: command.amountMinor,
      currency: command.currency,
      expectedCloseDate: command.expectedCloseDate,
      openedAt: toIso(openedAt),
      ...(command.lead === null ? {} : { leadId: command.lead.leadId }),
    },
  };
  const { lead } = command;
  if (lead === null) return [opened];
  // A converted lead's deal starts with marketing's touch of the handoff, before anything else.
  const touch: DealEvent = {
    type: 'DealTouchRecorded',
    data: {
      dealId: command.dealId,
      touchId: lead.touchId,
      team: 'MARKETING',
      channel: lead.channel,
      campaign: lead.campaign,
      occurredAt: toIso(lead.handedOffAt),
    },
  };
  return [opened, touch];
}

// Compared with the deal as opened, not as revised since. An openedAt left out defaulted to the
// clock of the first attempt, so a retry without one matches whatever that was.
function sameOpening(command: OpenDeal, deal: DealState): boolean {
  const opening = deal.opening;
  return (
    command.title === opening.title &&
    command.account === opening.account &&
    command.segment === opening.segment &&
    command.source === opening.source &&
    command.owner === opening.owner &&
    command.amountMinor === opening.amountMinor &&
    command.currency === opening.currency &&
    command.expectedCloseDate === opening.expectedCloseDate &&
    (command.lead?.leadId ?? null) === (opening.leadId ?? null) &&
    (command.openedAt === null || command.openedAt === Date.parse(opening.openedAt))
  );
}

function recordTouch(command: RecordTouch, state: DealStreamState, context: CommandContext): readonly DealEvent[] {
  const { team } = context.actor;
  if (team !== 'REVOPS' && team !== command.team) {
    throw forbidden(
      team === 'MARKETING' || team === 'SALES'
        ? `${team} records touches of its own team only, not of ${command.team}`
        : `Only MARKETING, SALES (each for their own team) or REVOPS may record a touch; the caller is ${team}`,
    );
  }
  const deal = requireDeal(command.dealId, state);
  const existing = deal.touches.find((touch) => touch.id === command.touchId);
  // Checked before the dates: a retry must still answer after the deal closed in between.
  if (existing !== undefined) {
    const same =
      existing.team === command.team &&
      existing.channel === command.channel &&
      existing.campaign === command.campaign &&
      Date.parse(existing.occurredAt) === command.occurredAt;
    if (same) return [];
    throw conflict(`Touch "${command.touchId}" of deal "${deal.id}" already exists with other data`);
  }
  notInFuture(command.occurredAt, 'occurredAt', context.now);
  // A closed deal still takes the touches that led to its close, recorded late. A later touch
  // cannot have influenced the outcome; the deal allows it once reopened. That makes the date the
  // wrong value, not the operation, so it is a wrong input on occurredAt rather than a conflict.
  if (deal.closedAt !== null && command.occurredAt > Date.parse(deal.closedAt)) {
    throw invalidInput(
      'occurredAt',
      `occurredAt must be at or before the deal's close (${deal.closedAt}) while the deal is ${deal.status}`,
    );
  }
  return [
    {
      type: 'DealTouchRecorded',
      data: {
        dealId: deal.id,
        touchId: command.touchId,
        team: command.team,
        channel: command.channel,
        campaign: command.campaign,
        occurredAt: toIso(command.occurredAt),
      },
    },
  ];
}

function moveStage(command: MoveDealStage, state: DealStreamState, context: CommandContext): readonly DealEvent[] {
  requireDealOwner(context, 'move a deal');
  const deal = requireOpenDeal(command.dealId, state, 'its stage can no longer move');
  const from = openStage(deal);
  if (from === command.stage) return [];
  return [{ type: 'DealStageMoved', data: { dealId: deal.id, from, to: command.stage } }];
}

function revise(command: ReviseDeal, state: DealStreamState, context: CommandContext): readonly DealEvent[] {
  requireDealOwner(context, 'revise a deal');
  const deal = requireOpenDeal(command.dealId, state, 'it can no longer be revised');
  if (command.amountMinor !== null) requireSameCurrency(deal, command.currency);
  const amountMinor = command.amountMinor ?? deal.amountMinor;
  const expectedCloseDate = command.expectedCloseDate ?? deal.expectedCloseDate;
  if (amountMinor === deal.amountMinor && expectedCloseDate === deal.expectedCloseDate) return [];
  return [
    {
      type: 'DealRevised',
      data: {
        dealId: deal.id,
        amountMinor,
        expectedCloseDate,
        previousAmountMinor: deal.amountMinor,
        previousExpectedCloseDate: deal.expectedCloseDate,
      },
    },
  ];
}

function win(command: WinDeal, state: DealStreamState, context: CommandContext): readonly DealEvent[] {
  requireDealOwner(context, 'win a deal');
  const deal = requireOpenDeal(command.dealId, state, 'it cannot be won');
  if (command.amountMinor !== null) requireSameCurrency(deal, command.currency);
  const closedAt = closeInstant(command.closedAt, deal, context);
  return [
    {
      type: 'DealWon',
      data: {
        dealId: deal.id,
        closure: deal.closures + 1,
        amountMinor: command.amountMinor ?? deal.amountMinor,
        closedAt: toIso(closedAt),
        fromStage: openStage(deal),
      },
    },
  ];
}

function lose(command: LoseDeal, state: DealStreamState, context: CommandContext): readonly DealEvent[] {
  requireDealOwner(context, 'lose a deal');
  const deal = requireOpenDeal(command.dealId, state, 'it cannot be lost');
  const { reason, reasonCode } = command;
  if (reason === null) throw invalidInput('reasonCode', `reasonCode "${reasonCode}" is not in the reason catalog`);
  if (reason.retired) throw invalidInput('reasonCode', `reasonCode "${reasonCode}" is retired; use an active LOSS reason`);
  if (reason.kind !== 'LOSS') {
    throw invalidInput('reasonCode', `reasonCode "${reasonCode}" is a ${reason.kind} reason; losing a deal takes a LOSS reason`);
  }
  const closedAt = closeInstant(command.closedAt, deal, context);
  return [
    {
      type: 'DealLost',
      data: {
        dealId: deal.id,
        closure: deal.closures + 1,
        amountMinor: deal.amountMinor,
        closedAt: toIso(closedAt),
        reasonCode,
        competitor: command.competitor,
        fromStage: openStage(deal),
      },
    },
  ];
}

function reopen(command: ReopenDeal, state: DealStreamState, context: CommandContext): readonly DealEvent[] {
  requireDealOwner(context, 'reopen a deal');
  const deal = requireDeal(command.dealId, state);
  if (deal.status === 'OPEN' || deal.stageBeforeClose === null) {
    throw conflict(`Deal "${deal.id}" is open; only a won or lost deal can be reopened`);
  }
  return [
    {
      type: 'DealReopened',
      data: {
        dealId: deal.id,
        closure: deal.closures,
        stage: deal.stageBeforeClose,
        note: command.note,
        reopenedAt: toIso(context.now),
      },
    },
  ];
}

/** A close defaults to now, and lies between the opening and now (with the clock tolerance). */
function closeInstant(given: number | null, deal: DealState, context: CommandContext): number {
  if (given === null) {
    // A deal opened up to the tolerance ahead of the server clock may be closed right away.
    return Math.max(context.now, Date.parse(deal.openedAt));
  }
  notInFuture(given, 'closedAt', context.now);
  if (given < Date.parse(deal.openedAt)) {
    throw invalidInput('closedAt', `closedAt must not be before the deal opened (${deal.openedAt})`);
  }
  return given;
}

function requireDealOwner(context: CommandContext, what: string): void {
  if (!DEAL_OWNERS.includes(context.actor.team)) {
    throw forbidden(`Only SALES or REVOPS may ${what}; the caller is ${context.actor.team}`);
  }
}

function requireDeal(dealId: string, state: DealStreamState): DealState {
  if (state === null) throw notFound(`Deal "${dealId}" does not exist`);
  return state;
}

function requireOpenDeal(dealId: string, state: DealStreamState, consequence: string): DealState {
  const deal = requireDeal(dealId, state);
  if (deal.status !== 'OPEN') throw conflict(`Deal "${deal.id}" is ${deal.status}; ${consequence}`);
  return deal;
}

function openStage(deal: DealState): OpenDealStage {
  // An open deal is never at CLOSED: only a win or a loss puts it there, and a reopening leaves.
  if (deal.stage === 'CLOSED') throw new Error(`Deal "${deal.id}" is open at stage CLOSED`);
  return deal.stage;
}

// Minor units of different currencies do not compare; a deal keeps the currency it opened in.
function requireSameCurrency(deal: DealState, currency: string): void {
  if (currency !== deal.currency) {
    throw conflict(`Deal "${deal.id}" is in ${deal.currency}; this service now counts in ${currency}`);
  }
}
