import { conflict, forbidden, invalidInput, notFound, toIso, type ActorTeam, type CommandContext } from '#shared';
import type { AcceptLead, ConvertLead, HandOffLead, LeadCommand, RecycleLead, RejectLead } from './commands.js';
import type { ConversionTerms, LeadEvent, LeadStatus } from './events.js';
import { meetsAgreement } from './qualification-state.js';
import type { LeadState, LeadStreamState } from './state.js';

/** Marketing hands leads over and takes rejected ones back; sales answers and converts them. */
const MARKETING_SIDE: readonly ActorTeam[] = ['MARKETING', 'REVOPS'];
const SALES_SIDE: readonly ActorTeam[] = ['SALES', 'REVOPS'];

const HOUR_MS = 60 * 60 * 1000;

export function decide(command: LeadCommand, state: LeadStreamState, context: CommandContext): readonly LeadEvent[] {
  switch (command.type) {
    case 'HandOffLead':
      return handOff(command, state, context);
    case 'AcceptLead':
      return accept(command, state, context);
    case 'RejectLead':
      return reject(command, state, context);
    case 'RecycleLead':
      return recycle(command, state, context);
    case 'ConvertLead':
      return convert(command, state, context);
  }
}

function handOff(command: HandOffLead, state: LeadStreamState, context: CommandContext): readonly LeadEvent[] {
  requireSide(MARKETING_SIDE, context, 'hand off a lead');
  // A recycled lead is back in marketing's hands: handing it off again is a new handoff.
  if (state !== null && state.status !== 'RECYCLED') {
    // Compared before the agreement: a retry still answers after a new version came into force.
    if (sameHandoff(command, state)) return [];
    throw conflict(`Lead "${command.leadId}" was already handed off with different input`);
  }
  const { agreement } = command;
  if (agreement === null) throw conflict('No qualification agreement is in force; both team leads must endorse one before leads are handed off');
  const defined = new Set(agreement.criteria.map((criterion) => criterion.code));
  const unknown = command.criteriaMet.find((code) => !defined.has(code));
  if (unknown !== undefined) {
    throw invalidInput('criteriaMet', `criteriaMet names "${unknown}", which is not a criterion of agreement version ${agreement.version}`);
  }
  const { leadId, account, contact, segment, channel, campaign, criteriaMet, note } = command;
  return [
    {
      type: 'LeadHandedOff',
      data: {
        leadId,
        handoff: (state?.handoff.number ?? 0) + 1,
        account,
        contact,
        segment,
        channel,
        campaign,
        criteriaMet,
        note,
        agreementVersion: agreement.version,
        meetsAgreement: meetsAgreement(criteriaMet, agreement),
        handedOffAt: toIso(context.now),
        respondBy: toIso(context.now + agreement.respondWithinHours * HOUR_MS),
      },
    },
  ];
}

// Compared with the latest handoff; the criteria as a set, since their order says nothing.
function sameHandoff(command: HandOffLead, lead: LeadState): boolean {
  const latest = lead.handoff;
  const met = new Set(latest.criteriaMet);
  return (
    command.account === latest.account &&
    command.contact === latest.contact &&
    command.segment === latest.segment &&
    command.channel === latest.channel &&
    command.campaign === latest.campaign &&
    command.note === latest.note &&
    command.criteriaMet.length === met.size &&
    command.criteriaMet.every((code) => met.has(code))
  );
}

function accept(command: AcceptLead, state: LeadStreamState, context: CommandContext): readonly LeadEvent[] {
  requireSide(SALES_SIDE, context, 'accept a lead');
  const lead = requireStatus(command.leadId, state, 'HANDED_OFF', 'only a lead awaiting an answer can be accepted');
  return [{ type: 'LeadAccepted', data: { leadId: lead.id, handoff: lead.handoff.number, at: toIso(context.now) } }];
}

function reject(command: RejectLead, state: LeadStreamState, context: CommandContext): readonly LeadEvent[] {
  requireSide(SALES_SIDE, context, 'reject a lead');
  const lead = requireStatus(command.leadId, state, 'HANDED_OFF', 'only a lead awaiting an answer can be rejected');
  const { reason, reasonCode } = command;
  if (reason === null) throw invalidInput('reasonCode', `reasonCode "${reasonCode}" is not in the reason catalog`);
  if (reason.retired) throw invalidInput('reasonCode', `reasonCode "${reasonCode}" is retired; use an active REJECTION reason`);
  if (reason.kind !== 'REJECTION') {
    throw invalidInput('reasonCode', `reasonCode "${reasonCode}" is a ${reason.kind} reason; rejecting a lead takes a REJECTION reason`);
  }
  return [{ type: 'LeadRejected', data: { leadId: lead.id, handoff: lead.handoff.number, reasonCode, note: command.note, at: toIso(context.now) } }];
}

function recycle(command: RecycleLead, state: LeadStreamState, context: CommandContext): readonly LeadEvent[] {
  requireSide(MARKETING_SIDE, context, 'recycle a lead');
  const lead = requireStatus(command.leadId, state, 'REJECTED', 'only a rejected lead can be recycled');
  return [{ type: 'LeadRecycled', data: { leadId: lead.id, handoff: lead.handoff.number, note: command.note, at: toIso(context.now) } }];
}

function convert(command: ConvertLead, state: LeadStreamState, context: CommandContext): readonly LeadEvent[] {
  requireSide(SALES_SIDE, context, 'convert a lead');
  const lead = requireLead(command.leadId, state);
  if (lead.status === 'CONVERTED' && lead.conversion !== null) {
    // The winning call repeated answers its deal; any other conversion is one too many.
    if (sameConversion(command, lead.conversion)) return [];
    throw conflict(`Lead "${lead.id}" was already converted into deal "${lead.conversion.dealId}"; a lead makes one deal`);
  }
  if (lead.status !== 'ACCEPTED') throw conflict(`Lead "${lead.id}" is ${lead.status}; only an accepted lead can be converted`);
  const { handoff } = lead;
  return [
    {
      type: 'LeadConverted',
      data: {
        leadId: lead.id,
        handoff: handoff.number,
        dealId: command.dealId,
        title: command.title,
        owner: command.owner,
        amountMinor: command.amountMinor,
        currency: command.currency,
        expectedCloseDate: command.expectedCloseDate,
        account: handoff.account,
        segment: handoff.segment,
        channel: handoff.channel,
        campaign: handoff.campaign,
        handedOffAt: handoff.handedOffAt,
        convertedAt: toIso(context.now),
      },
    },
  ];
}

function sameConversion(command: ConvertLead, conversion: ConversionTerms): boolean {
  return (
    command.dealId === conversion.dealId &&
    command.title === conversion.title &&
    command.owner === conversion.owner &&
    command.amountMinor === conversion.amountMinor &&
    command.currency === conversion.currency &&
    command.expectedCloseDate === conversion.expectedCloseDate
  );
}

function requireSide(side: readonly ActorTeam[], context: CommandContext, what: string): void {
  if (!side.includes(context.actor.team)) {
    throw forbidden(`Only ${side.join(' or ')} may ${what}; the caller is ${context.actor.team}`);
  }
}

function requireLead(leadId: string, state: LeadStreamState): LeadState {
  if (state === null) throw notFound(`Lead "${leadId}" does not exist`);
  return state;
}

function requireStatus(leadId: string, state: LeadStreamState, status: LeadStatus, consequence: string): LeadState {
  const lead = requireLead(leadId, state);
  if (lead.status !== status) throw conflict(`Lead "${lead.id}" is ${lead.status}; ${consequence}`);
  return lead;
}
