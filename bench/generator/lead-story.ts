import { dealAggregate, parseWinDealInput, type DealStreamState } from '#deals';
import {
  agreementInForce,
  dealOpening,
  leadAggregate,
  parseAcceptLeadInput,
  parseConvertLeadInput,
  parseEndorseQualificationInput,
  parseHandOffLeadInput,
  parseProposeQualificationInput,
  parseRecycleLeadInput,
  parseRejectLeadInput,
  parseReviewQualificationInput,
  qualificationAggregate,
  QUALIFICATION_STREAM,
  type HandOffLead,
  type LeadStreamState,
  type QualificationState,
  type RejectLead,
} from '#leads';
import { reasonSnapshot } from '#reasons';
import { currency, DAY_MS } from '#shared';
import { accountName, campaignName, MARKETERS, MARKETING_CHANNELS, MARKETING_LEAD, REVOPS, SALES_LEAD, SALES_REPS, SEGMENTS } from './cast.js';
import { wait, type Process, type Simulation, type Slot } from './simulation.js';

const USD = currency('USD');
const HOUR_MS = 60 * 60 * 1000;
const CRITERIA = [
  { code: 'BUDGET', description: 'Has a budget this year', required: true },
  { code: 'ICP', description: 'Fits the ideal customer profile' },
  { code: 'TIMELINE', description: 'Buys within two quarters' },
  { code: 'AUTHORITY', description: 'Talks to a decision maker' },
];

/** The deployment's one agreement, shared by the stories: handoffs read the version in force. */
export type QualificationSlot = Slot<QualificationState>;

export function qualificationSlot(): QualificationSlot {
  return { state: qualificationAggregate.decider.initialState(), revision: null };
}

/**
 * The qualification agreement over the history: version 1 signed in the first days, a stricter
 * and quicker version 2 signed halfway, and a review by revenue operations every month or two.
 */
export function* qualificationStory(sim: Simulation, agreement: QualificationSlot): Process {
  const { random } = sim;
  const versions = [
    { at: sim.start + DAY_MS, terms: { criteria: CRITERIA, minimumMet: 2, respondWithinHours: 48, reviewEveryDays: 90 } },
    { at: sim.start + (sim.end - sim.start) / 2, terms: { criteria: CRITERIA, minimumMet: 3, respondWithinHours: 24, reviewEveryDays: 60 } },
  ];
  for (const { at, terms } of versions) {
    yield wait(Math.round(at));
    yield* sim.execute(qualificationAggregate, QUALIFICATION_STREAM, agreement, parseProposeQualificationInput(terms), sim.context(random.pick(REVOPS)));
    const version = agreement.state.versions.length;
    for (const lead of [MARKETING_LEAD, SALES_LEAD]) {
      yield wait(sim.now + Math.round(random.between(2, 30) * HOUR_MS));
      yield* sim.execute(qualificationAggregate, QUALIFICATION_STREAM, agreement, parseEndorseQualificationInput({ version }), sim.context(lead));
    }
  }
  for (let at = sim.start + 45 * DAY_MS; at < sim.end; at += random.between(30, 60) * DAY_MS) {
    yield wait(Math.round(at));
    if (agreement.state.inForce === null) continue;
    yield* sim.execute(qualificationAggregate, QUALIFICATION_STREAM, agreement, parseReviewQualificationInput({ note: 'Reviewed with both teams' }), sim.context(random.pick(REVOPS)));
  }
}

/**
 * One lead: handed off by marketing under the version in force, answered by sales in time, late
 * or never; a rejected lead is sometimes recycled and handed off once more; an accepted one is
 * often converted into a deal, which is won now and then.
 */
export function* leadStory(sim: Simulation, agreement: QualificationSlot): Process {
  const { random } = sim;
  const leadId = random.uuid();
  const lead: Slot<LeadStreamState> = { state: null, revision: null };
  const segment = random.pick(SEGMENTS).name;
  const account = accountName(random);
  const marketer = random.pick(MARKETERS);

  for (let handoff = 1; handoff <= 2; handoff++) {
    const inForce = agreementInForce(agreement.state);
    if (inForce === null) return;
    const criteriaMet = CRITERIA.filter(() => random.chance(0.6)).map((criterion) => criterion.code);
    const request = parseHandOffLeadInput({ id: leadId, account, segment, channel: random.pick(MARKETING_CHANNELS), campaign: campaignName(random, sim.now), criteriaMet });
    const command: HandOffLead = { ...request, agreement: inForce };
    yield* sim.execute(leadAggregate, leadId, lead, command, sim.context(marketer));

    // Most answers come in time, some late, some never.
    if (random.chance(0.1)) return;
    const hours = random.chance(0.75) ? random.between(0.5, inForce.respondWithinHours) : random.between(inForce.respondWithinHours, inForce.respondWithinHours * 3);
    yield wait(sim.now + Math.round(hours * HOUR_MS));
    const rep = random.pick(SALES_REPS);
    if (random.chance(0.6)) {
      yield* sim.execute(leadAggregate, leadId, lead, parseAcceptLeadInput({ leadId }), sim.context(rep));
      if (random.chance(0.5)) yield* convert(sim, leadId, lead, rep);
      return;
    }
    const reasonCode = random.pick(sim.active('REJECTION'));
    const reject: RejectLead = { ...parseRejectLeadInput({ leadId, reasonCode }), reason: reasonSnapshot(reasonCode, sim.catalog.state) };
    yield* sim.execute(leadAggregate, leadId, lead, reject, sim.context(rep));
    if (handoff === 2 || !random.chance(0.3)) return;
    yield wait(sim.now + Math.round(random.between(3, 20) * DAY_MS));
    yield* sim.execute(leadAggregate, leadId, lead, parseRecycleLeadInput({ leadId, note: 'Re-qualified after a call' }), sim.context(marketer));
  }
}

function* convert(sim: Simulation, leadId: string, lead: Slot<LeadStreamState>, rep: (typeof SALES_REPS)[number]): Process {
  const { random } = sim;
  yield wait(sim.now + Math.round(random.between(1, 72) * HOUR_MS));
  const dealId = random.uuid();
  const amount = `${Math.round(random.between(5, 120)) * 1000}`;
  const command = parseConvertLeadInput({ leadId, dealId, title: `${lead.state?.handoff.account ?? 'Lead'}: first order`, owner: rep.name ?? rep.id, amount }, USD);
  const context = sim.context(rep);
  yield* sim.execute(leadAggregate, leadId, lead, command, context);
  const conversion = lead.state?.conversion;
  if (!conversion) return;
  const deal: Slot<DealStreamState> = { state: null, revision: null };
  yield* sim.execute(dealAggregate, dealId, deal, dealOpening(conversion), context);
  if (!random.chance(0.3)) return;
  yield wait(sim.now + Math.round(random.between(20, 90) * DAY_MS));
  yield* sim.execute(dealAggregate, dealId, deal, parseWinDealInput({ dealId }, USD), sim.context(rep));
}
