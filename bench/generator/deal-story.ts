import {
  dealAggregate,
  dealSnapshot,
  OPEN_DEAL_STAGES,
  parseLoseDealInput,
  parseMoveDealStageInput,
  parseOpenDealInput,
  parseRecordTouchInput,
  parseReopenDealInput,
  parseReviseDealInput,
  parseWinDealInput,
  type DealStreamState,
  type OpenDealStage,
} from '#deals';
import { reasonSnapshots, reasonSnapshot } from '#reasons';
import {
  claimKey,
  closureClaimAggregate,
  openingFromClaim,
  parseAddActionItemInput,
  parseCompleteActionItemInput,
  parseConcludeRetrospectiveInput,
  parseFilePerspectiveInput,
  parseOpenRetrospectiveInput,
  retrospectiveAggregate,
  type ClosureClaimState,
  type RetroState,
  type RetrospectiveOpened,
} from '#retrospectives';
import { currency, DAY_MS, toIso, type Actor, type Team } from '#shared';
import type { Random } from '../random.js';
import {
  accountName,
  ACTION_ITEMS,
  campaignName,
  COMPETITORS,
  dealTitle,
  LOSS_WEIGHTS,
  MARKETERS,
  MARKETING_CHANNELS,
  MARKETING_LOSS_LEAN,
  MARKETING_WIN_LEAN,
  NOTES,
  pickReason,
  REVOPS,
  SALES_CHANNELS,
  SALES_LOSS_LEAN,
  SALES_REPS,
  SALES_WIN_LEAN,
  SEGMENTS,
  WIN_WEIGHTS,
  type Segment,
} from './cast.js';
import { wait, type CommandBatch, type Process, type Simulation, type Slot } from './simulation.js';

const USD = currency('USD');

/** Share of the deals that close at least once within their cycle; the others stay open. */
const CLOSE_RATE = 0.6;
const REOPEN_RATE = 0.05;
const RETROSPECTIVE_RATE = 0.45;

/** What the history tells the load phase about deals: their status as it changes. */
export interface DealLedger {
  dealStatus(dealId: string, status: 'OPEN' | 'WON' | 'LOST'): void;
}

export function pickSegment(random: Random): Segment {
  const index = random.weighted(Object.fromEntries(SEGMENTS.map((segment, i) => [String(i), segment.weight])));
  return SEGMENTS[Number(index)]!;
}

/** A retrospective of one closure, as the story fills it in. */
interface RetroPlan {
  readonly id: string;
  readonly outcome: 'WON' | 'LOST';
  readonly slot: Slot<RetroState>;
}

/** An action item, whose id exists once it has been added. */
interface ItemPlan {
  id: string | null;
}

/** What the story's actions share while it plays. */
interface Story {
  readonly dealId: string;
  readonly deal: Slot<DealStreamState>;
  readonly owner: Actor;
  readonly ledger: DealLedger;
  /** The deal's state keeps no loss reason (deciding never reads it): the story remembers it. */
  lossReason: string | null;
}

type Action =
  | { readonly kind: 'touch'; readonly team: Team; readonly occurredAt: number }
  | { readonly kind: 'move'; readonly stage: OpenDealStage }
  | { readonly kind: 'revise'; readonly amountFactor: number | null; readonly slipDays: number | null }
  | { readonly kind: 'close'; readonly won: boolean; readonly closedAt: number; readonly amountFactor: number | null }
  | { readonly kind: 'reopen' }
  | { readonly kind: 'retro-open'; readonly retro: RetroPlan }
  | { readonly kind: 'perspective'; readonly retro: RetroPlan; readonly team: Team }
  | { readonly kind: 'action-item'; readonly retro: RetroPlan; readonly item: ItemPlan }
  | { readonly kind: 'complete-item'; readonly retro: RetroPlan; readonly item: ItemPlan }
  | { readonly kind: 'conclude'; readonly retro: RetroPlan };

type Timed = Action & { readonly at: number };

/**
 * One deal's life, planned when it opens and played on the simulated clock: touches by both
 * teams (some before the opening), stage moves (now and then backwards), revisions, a win or a
 * loss for most, a reopening for a few, and a retrospective with both teams' perspectives for
 * a share of the closures. Whatever falls after the end of the history does not happen.
 */
export function* dealStory(sim: Simulation, openAt: number, ledger: DealLedger): Process {
  const { random } = sim;
  const segment = pickSegment(random);
  const owner = random.pick(SALES_REPS);
  const source: Team = random.chance(0.55) ? 'MARKETING' : 'SALES';
  const dealId = random.uuid();
  const cycle = random.between(segment.minCycleDays, segment.maxCycleDays) * DAY_MS;
  // Late data entry is normal: a third of the deals are entered after the fact.
  const openedAt = Math.round(openAt - (random.chance(0.3) ? random.between(0, 3) * DAY_MS : 0));
  const amount = Math.round(Math.exp(random.between(Math.log(segment.minAmount), Math.log(segment.maxAmount))) / 100) * 100;
  const account = accountName(random);
  const story: Story = { dealId, deal: { state: null, revision: null }, owner, ledger, lossReason: null };

  const plan: Timed[] = [];
  const closes = random.chance(CLOSE_RATE);
  const won = random.chance(segment.winRate);
  const firstStage = closes ? (won ? random.int(1, 3) : random.int(0, 3)) : random.int(0, 2);
  planTouches(random, plan, { from: openAt, length: cycle, openedAt, source, count: touchCount(random), beforeOpening: true });
  planStages(random, plan, openAt, cycle, 0, firstStage);
  planRevisions(random, plan, openAt, cycle);
  if (closes) {
    const closeAt = openAt + cycle;
    const closedAt = Math.max(openedAt, Math.round(closeAt - (random.chance(0.3) ? random.between(0, 2) * DAY_MS : 0)));
    plan.push({ at: closeAt, kind: 'close', won, closedAt, amountFactor: random.chance(0.2) ? random.between(0.85, 1.1) : null });
    planAfterClose(random, plan, closeAt, closedAt, openedAt, won);
    if (random.chance(REOPEN_RATE)) {
      const reopenAt = closeAt + random.between(10, 40) * DAY_MS;
      plan.push({ at: reopenAt, kind: 'reopen' });
      const again = random.between(10, 60) * DAY_MS;
      const wonAgain = random.chance(0.5);
      planTouches(random, plan, { from: reopenAt, length: again, openedAt, source, count: random.int(0, 2), beforeOpening: false });
      if (firstStage < 3 && random.chance(0.5)) {
        plan.push({ at: reopenAt + again * 0.5, kind: 'move', stage: OPEN_DEAL_STAGES[firstStage + 1]! });
      }
      const closeAgainAt = reopenAt + again;
      plan.push({ at: closeAgainAt, kind: 'close', won: wonAgain, closedAt: Math.round(closeAgainAt), amountFactor: null });
      planAfterClose(random, plan, closeAgainAt, Math.round(closeAgainAt), openedAt, wonAgain);
    }
  }
  // Stable: actions planned for the same instant keep the order they were planned in.
  plan.sort((a, b) => a.at - b.at);

  yield wait(openAt);
  const open = parseOpenDealInput(
    {
      id: dealId,
      title: dealTitle(random, account),
      account,
      segment: segment.name,
      source,
      owner: owner.name ?? owner.id,
      amount: `${amount}.00`,
      expectedCloseDate: toIso(openedAt + cycle * random.between(0.8, 1.1)).slice(0, 10),
      openedAt: toIso(openedAt),
    },
    USD,
  );
  yield* sim.execute(dealAggregate, dealId, story.deal, open, sim.context(owner));
  ledger.dealStatus(dealId, 'OPEN');

  for (const action of plan) {
    yield wait(Math.round(action.at));
    yield* perform(sim, action, story);
  }
}

function* perform(sim: Simulation, action: Timed, story: Story): Generator<CommandBatch> {
  const { random } = sim;
  const { dealId, deal, owner, ledger } = story;
  switch (action.kind) {
    case 'touch': {
      const marketing = action.team === 'MARKETING';
      const actor = marketing ? random.pick(MARKETERS) : owner;
      const touch = parseRecordTouchInput({
        dealId,
        touchId: random.uuid(),
        team: action.team,
        channel: random.pick(marketing ? MARKETING_CHANNELS : SALES_CHANNELS),
        campaign: marketing && random.chance(0.7) ? campaignName(random, action.occurredAt) : null,
        occurredAt: toIso(action.occurredAt),
      });
      yield* sim.execute(dealAggregate, dealId, deal, touch, sim.context(actor));
      return;
    }
    case 'move':
      yield* sim.execute(dealAggregate, dealId, deal, parseMoveDealStageInput({ dealId, stage: action.stage }), sim.context(owner));
      return;
    case 'revise': {
      const current = requireDeal(deal);
      const amount = action.amountFactor === null ? null : Math.max(100, Math.round((current.amountMinor / 100) * action.amountFactor / 100) * 100);
      const slipped = action.slipDays === null || current.expectedCloseDate === null
        ? null
        : toIso(Date.parse(current.expectedCloseDate) + action.slipDays * DAY_MS).slice(0, 10);
      if (amount === null && slipped === null) return;
      const revise = parseReviseDealInput({ dealId, amount: amount === null ? null : `${amount}.00`, expectedCloseDate: slipped }, USD);
      yield* sim.execute(dealAggregate, dealId, deal, revise, sim.context(owner));
      return;
    }
    case 'close': {
      const closedAt = toIso(action.closedAt);
      if (action.won) {
        const current = requireDeal(deal);
        const amount = action.amountFactor === null ? null : `${Math.max(100, Math.round((current.amountMinor / 100) * action.amountFactor / 100) * 100)}.00`;
        yield* sim.execute(dealAggregate, dealId, deal, parseWinDealInput({ dealId, amount, closedAt }, USD), sim.context(owner));
        ledger.dealStatus(dealId, 'WON');
      } else {
        const reasonCode = pickReason(random, sim.active('LOSS'), LOSS_WEIGHTS);
        const competitor = reasonCode === 'LOST_TO_COMPETITOR' || random.chance(0.4) ? random.pick(COMPETITORS) : null;
        const request = parseLoseDealInput({ dealId, reasonCode, competitor, closedAt });
        const lose = { ...request, reason: reasonSnapshot(reasonCode, sim.catalog.state) };
        yield* sim.execute(dealAggregate, dealId, deal, lose, sim.context(owner));
        story.lossReason = reasonCode;
        ledger.dealStatus(dealId, 'LOST');
      }
      return;
    }
    case 'reopen': {
      const note = random.chance(0.5) ? 'Customer came back after the budget review' : null;
      yield* sim.execute(dealAggregate, dealId, deal, parseReopenDealInput({ dealId, note }), sim.context(owner));
      ledger.dealStatus(dealId, 'OPEN');
      return;
    }
    case 'retro-open':
      yield* openRetrospective(sim, action.retro, dealId, deal, random.chance(0.6) ? owner : random.pick(REVOPS));
      return;
    case 'perspective': {
      const { retro, team } = action;
      const actor = team === 'MARKETING' ? random.pick(MARKETERS) : owner;
      const reasonCodes = perspectiveReasons(sim, retro, team, story.lossReason);
      const request = parseFilePerspectiveInput({ retrospectiveId: retro.id, reasonCodes, notes: random.chance(0.6) ? random.pick(NOTES) : null });
      const file = { ...request, reasons: reasonSnapshots(request.reasonCodes, sim.catalog.state) };
      yield* sim.execute(retrospectiveAggregate, retro.id, retro.slot, file, sim.context(actor));
      return;
    }
    case 'action-item': {
      const { retro } = action;
      const ownerTeam: Team = random.chance(0.5) ? 'MARKETING' : 'SALES';
      const input = { retrospectiveId: retro.id, ownerTeam, description: random.pick(ACTION_ITEMS), dueDate: toIso(sim.now + random.int(7, 45) * DAY_MS).slice(0, 10) };
      // Parsing makes the item's id with randomUUID; the history draws it from the seed instead.
      const add = { ...parseAddActionItemInput(input), actionItemId: random.uuid() };
      action.item.id = add.actionItemId;
      yield* sim.execute(retrospectiveAggregate, retro.id, retro.slot, add, sim.context(ownerTeam === 'MARKETING' ? random.pick(MARKETERS) : owner));
      return;
    }
    case 'complete-item': {
      const { retro, item } = action;
      // Planned after its item; null only if the item was never added.
      const actionItemId = item.id;
      if (actionItemId === null) return;
      const complete = parseCompleteActionItemInput({ retrospectiveId: retro.id, actionItemId });
      yield* sim.execute(retrospectiveAggregate, retro.id, retro.slot, complete, sim.context(random.chance(0.5) ? owner : random.pick(MARKETERS)));
      return;
    }
    case 'conclude': {
      const { retro } = action;
      const state = retro.slot.state;
      if (state === null) return;
      const kind = retro.outcome === 'WON' ? 'WIN' : 'LOSS';
      const active = new Set(sim.active(kind));
      const marketing = state.perspectives.MARKETING?.reasonCodes ?? [];
      const sales = state.perspectives.SALES?.reasonCodes ?? [];
      let agreed = sales.filter((code) => marketing.includes(code) && active.has(code));
      if (agreed.length === 0) agreed = [...sales, ...marketing].filter((code) => active.has(code)).slice(0, 1);
      if (agreed.length === 0) agreed = [random.pick([...active])];
      const request = parseConcludeRetrospectiveInput({ retrospectiveId: retro.id, agreedReasonCodes: agreed, summary: random.pick(NOTES) });
      const conclude = { ...request, reasons: reasonSnapshots(request.agreedReasonCodes, sim.catalog.state) };
      yield* sim.execute(retrospectiveAggregate, retro.id, retro.slot, conclude, sim.context(random.chance(0.5) ? owner : random.pick(REVOPS)));
      return;
    }
  }
}

/** As OpenRetrospectiveHandler does: claim the closure, then open the retrospective from the claim, in one moment. */
function* openRetrospective(sim: Simulation, retro: RetroPlan, dealId: string, deal: Slot<DealStreamState>, actor: Actor): Generator<CommandBatch> {
  const request = parseOpenRetrospectiveInput({ id: retro.id, dealId });
  const command = { ...request, deal: dealSnapshot(deal.state) };
  const context = sim.context(actor);
  const [opened] = retrospectiveAggregate.decider.decide(command, null, context) as readonly RetrospectiveOpened[];
  if (opened === undefined) throw new Error(`Opening retrospective ${retro.id} decided no event`);
  const claim: Slot<ClosureClaimState> = { state: null, revision: null };
  const key = claimKey(opened.data.dealId, opened.data.closure);
  yield* sim.execute(closureClaimAggregate, key, claim, { type: 'ClaimClosure', opening: opened.data }, context);
  if (claim.state === null) throw new Error(`The claim on ${key} holds no retrospective`);
  yield* sim.execute(retrospectiveAggregate, retro.id, retro.slot, openingFromClaim(claim.state), context);
}

function perspectiveReasons(sim: Simulation, retro: RetroPlan, team: Team, lossReason: string | null): string[] {
  const { random } = sim;
  const kind = retro.outcome === 'WON' ? 'WIN' : 'LOSS';
  const active = sim.active(kind);
  const codes = new Set<string>();
  // The loss reason on the deal is sales' word; marketing agrees with it less often.
  if (retro.outcome === 'LOST' && lossReason !== null && active.includes(lossReason) && random.chance(team === 'SALES' ? 0.8 : 0.4)) codes.add(lossReason);
  const lean = kind === 'WIN' ? (team === 'SALES' ? SALES_WIN_LEAN : MARKETING_WIN_LEAN) : team === 'SALES' ? SALES_LOSS_LEAN : MARKETING_LOSS_LEAN;
  const base = kind === 'WIN' ? WIN_WEIGHTS : LOSS_WEIGHTS;
  const extra = codes.size === 0 ? random.int(1, 3) : random.int(0, 2);
  for (let i = 0; i < extra; i++) codes.add(pickReason(random, active, base, lean));
  return [...codes];
}

function requireDeal(deal: Slot<DealStreamState>) {
  if (deal.state === null) throw new Error('The deal is not open yet');
  return deal.state;
}

function touchCount(random: Random): number {
  return Number(random.weighted({ 0: 8, 1: 12, 2: 16, 3: 18, 4: 16, 5: 12, 6: 8, 7: 6, 8: 4 }));
}

interface TouchWindow {
  readonly from: number;
  readonly length: number;
  readonly openedAt: number;
  readonly source: Team;
  readonly count: number;
  /** Whether marketing's touches may predate the opening (the buyer was touched before the deal existed). */
  readonly beforeOpening: boolean;
}

function planTouches(random: Random, plan: Timed[], window: TouchWindow): void {
  for (let i = 0; i < window.count; i++) {
    const team: Team = random.chance(window.source === 'MARKETING' ? 0.65 : 0.45) ? 'MARKETING' : 'SALES';
    if (window.beforeOpening && team === 'MARKETING' && window.source === 'MARKETING' && random.chance(0.4)) {
      // Entered just after the deal exists, dated before it.
      const at = window.from + random.between(0, Math.min(2 * DAY_MS, window.length * 0.5));
      plan.push({ at, kind: 'touch', team, occurredAt: Math.round(window.openedAt - random.between(1, 30) * DAY_MS) });
      continue;
    }
    const at = window.from + window.length * random.between(0.02, 0.95);
    plan.push({ at, kind: 'touch', team, occurredAt: Math.round(at - random.between(0, 3) * DAY_MS) });
  }
}

function planStages(random: Random, plan: Timed[], from: number, length: number, current: number, target: number): void {
  const moves = target - current;
  for (let step = 1; step <= moves; step++) {
    const at = from + length * (0.1 + (0.75 * (step - 0.5 + random.between(-0.3, 0.3))) / Math.max(moves, 1));
    plan.push({ at, kind: 'move', stage: OPEN_DEAL_STAGES[current + step]! });
  }
  // A tenth of the deals step back once (the proposal goes back to discovery) and recover.
  if (target >= 2 && random.chance(0.1)) {
    plan.push({ at: from + length * 0.87, kind: 'move', stage: OPEN_DEAL_STAGES[target - 1]! });
    plan.push({ at: from + length * 0.9, kind: 'move', stage: OPEN_DEAL_STAGES[target]! });
  }
}

function planRevisions(random: Random, plan: Timed[], from: number, length: number): void {
  const count = random.chance(0.4) ? (random.chance(0.25) ? 2 : 1) : 0;
  for (let i = 0; i < count; i++) {
    const byAmount = random.chance(0.5);
    plan.push({
      at: from + length * random.between(0.2, 0.8),
      kind: 'revise',
      amountFactor: byAmount ? random.pick([0.8, 0.9, 1.1, 1.2, 1.25]) : null,
      slipDays: byAmount ? null : random.int(14, 45),
    });
  }
}

/** What follows a close: a late touch now and then, and for some closures a retrospective. */
function planAfterClose(random: Random, plan: Timed[], closeAt: number, closedAt: number, openedAt: number, won: boolean): void {
  if (random.chance(0.08)) {
    plan.push({
      at: closeAt + random.between(0.1, 3) * DAY_MS,
      kind: 'touch',
      team: random.chance(0.7) ? 'MARKETING' : 'SALES',
      occurredAt: Math.round(random.between(Math.min(openedAt - 5 * DAY_MS, closedAt), closedAt)),
    });
  }
  if (!random.chance(RETROSPECTIVE_RATE)) return;
  const retro: RetroPlan = { id: random.uuid(), outcome: won ? 'WON' : 'LOST', slot: { state: null, revision: null } };
  // Before any reopening (10 days at the earliest): a retrospective reviews a closed deal.
  const openAt = closeAt + random.between(0.5, 5) * DAY_MS;
  plan.push({ at: openAt, kind: 'retro-open', retro });
  const filing = random.weighted({ both: 85, one: 10, none: 5 });
  const teams: Team[] = filing === 'both' ? ['MARKETING', 'SALES'] : filing === 'one' ? [random.chance(0.5) ? 'MARKETING' : 'SALES'] : [];
  let lastFiled = openAt;
  for (const team of teams) {
    const at = openAt + random.between(0.5, 10) * DAY_MS;
    plan.push({ at, kind: 'perspective', retro, team });
    lastFiled = Math.max(lastFiled, at);
    if (random.chance(0.1)) {
      const again = at + random.between(1, 5) * DAY_MS;
      plan.push({ at: again, kind: 'perspective', retro, team });
      lastFiled = Math.max(lastFiled, again);
    }
  }
  const items = Number(random.weighted({ 0: 50, 1: 30, 2: 20 }));
  for (let index = 0; index < items; index++) {
    const at = openAt + random.between(1, 12) * DAY_MS;
    const item: ItemPlan = { id: null };
    plan.push({ at, kind: 'action-item', retro, item });
    if (random.chance(0.5)) plan.push({ at: at + random.between(3, 30) * DAY_MS, kind: 'complete-item', retro, item });
  }
  if (teams.length === 2 && random.chance(0.6)) {
    plan.push({ at: lastFiled + random.between(1, 10) * DAY_MS, kind: 'conclude', retro });
  }
}
