import { DAY_MS, endOfDate, startOfDate } from '#shared';
import { Random } from '../random.js';
import { meanAmount, SEGMENTS } from './cast.js';
import { dealStory, type DealLedger } from './deal-story.js';
import { goalStory, type GoalLedger, type GoalPlan, type GoalRecord } from './goal-story.js';
import { leadStory, qualificationSlot, qualificationStory, type QualificationSlot } from './lead-story.js';
import { reasonStory } from './reason-story.js';
import { wait, Simulation, type CommandBatch, type Process } from './simulation.js';

export interface HistoryOptions {
  readonly seed: number;
  /** About how many events to write; the history lands within a few percent of it. */
  readonly events: number;
  /** The end of the history (epoch ms): nothing is recorded after it. */
  readonly until: number;
  /** How far back the history starts; two years by default. */
  readonly days?: number;
}

/** What the load phase asks about, chosen from the history. */
export interface LoadTargets {
  /** A goal whose period holds the end of the history: its progress now. */
  readonly goalNow: GoalRecord;
  /** A goal of the last whole quarter: its progress at a past moment, and a chart of 12 points. */
  readonly goalPast: GoalRecord;
  /** Halfway through goalPast's period. */
  readonly pastAsOf: string;
  /** 12 evenly spaced instants across goalPast's period, the last at its end. */
  readonly series: readonly string[];
  /** The last whole quarter: many closures, for scoreboard and reasonInsights. */
  readonly window: { readonly from: string; readonly to: string };
  /** Deals still open at the end of the history, most recent last. */
  readonly openDealIds: readonly string[];
}

export interface HistoryManifest {
  readonly seed: number;
  readonly requestedEvents: number;
  readonly events: number;
  readonly commands: number;
  readonly deals: number;
  readonly from: string;
  readonly until: string;
  readonly eventTypes: Readonly<Record<string, number>>;
  readonly goals: readonly GoalRecord[];
  readonly load: LoadTargets;
}

const HOUR_MS = 60 * 60 * 1000;
const DEFAULT_DAYS = 730;
/** Deals simulated (and thrown away) to learn how many events a deal makes in this history. */
const PILOT_DEALS = 2000;
const OPEN_DEALS_KEPT = 2000;
/** Leads handed off for every deal opened directly: marketing's share of the pipeline. */
const LEADS_PER_DEAL = 0.5;

/**
 * A realistic history of the service, deterministic for given options: the same seed, size and
 * end give the same events, ids included. Iterate `batches()` once, then read `manifest()`.
 */
export class History {
  private readonly ledger = new Ledger();
  private readonly simulation: Simulation;
  private readonly dealCount: number;
  private events = 0;
  private commands = 0;
  private finished = false;

  constructor(private readonly options: HistoryOptions) {
    const start = startOf(options);
    this.dealCount = dealsFor(options, start);
    this.simulation = plan(new Random(options.seed), start, options.until, this.dealCount, this.ledger);
  }

  /** The number of deals the history opens (fewer exist if some would open after its end). */
  get deals(): number {
    return this.dealCount;
  }

  *batches(): Generator<CommandBatch> {
    if (this.finished) throw new Error('A history is played once');
    for (const batch of this.simulation.run()) {
      this.events += batch.events.length;
      this.commands += 1;
      for (const event of batch.events) this.ledger.counted(event.type);
      yield batch;
    }
    this.finished = true;
  }

  manifest(): HistoryManifest {
    if (!this.finished) throw new Error('The manifest is known once the history has been played');
    const { seed, events: requestedEvents, until } = this.options;
    return {
      seed,
      requestedEvents,
      events: this.events,
      commands: this.commands,
      deals: this.ledger.deals.size,
      ...historySpan(this.options),
      eventTypes: Object.fromEntries([...this.ledger.types].sort(([a], [b]) => a.localeCompare(b))),
      goals: this.ledger.goals,
      load: this.ledger.loadTargets(until),
    };
  }
}

const startOf = (options: HistoryOptions): number => options.until - (options.days ?? DEFAULT_DAYS) * DAY_MS;

/** The first and last instant of the history these options make, as its manifest gives them. */
export function historySpan(options: HistoryOptions): { from: string; until: string } {
  return { from: new Date(startOf(options)).toISOString(), until: new Date(options.until).toISOString() };
}

/** Sets up every story of a history on a fresh simulation. */
function plan(random: Random, start: number, end: number, dealCount: number, ledger: Ledger): Simulation {
  const sim = new Simulation(random, start, end);
  sim.spawn(start, reasonStory(sim));
  sim.spawn(start, arrivals(sim, dealCount, ledger));
  const agreement = qualificationSlot();
  sim.spawn(start, qualificationStory(sim, agreement));
  sim.spawn(start, leadArrivals(sim, Math.round(dealCount * LEADS_PER_DEAL), agreement));
  const perDay = dealCount / ((end - start) / DAY_MS);
  for (const goal of goalPlans(sim, perDay)) sim.spawn(start, goalStory(sim, goal, ledger));
  return sim;
}

/** Opens the deals evenly over the history's days, in working hours. */
function* arrivals(sim: Simulation, count: number, ledger: DealLedger): Process {
  const days = Math.max(1, Math.floor((sim.end - sim.start) / DAY_MS));
  let opened = 0;
  for (let day = 0; day < days && opened < count; day++) {
    const dayStart = sim.start + day * DAY_MS;
    yield wait(dayStart);
    const due = Math.round(((day + 1) * count) / days);
    for (; opened < due; opened++) {
      const openAt = Math.round(dayStart + sim.random.between(8, 18) * HOUR_MS);
      sim.spawn(openAt, dealStory(sim, openAt, ledger));
    }
  }
}

/** Hands leads off evenly over the history's days, in working hours, once an agreement is in force. */
function* leadArrivals(sim: Simulation, count: number, agreement: QualificationSlot): Process {
  const days = Math.max(1, Math.floor((sim.end - sim.start) / DAY_MS));
  let handedOff = 0;
  for (let day = 0; day < days && handedOff < count; day++) {
    const dayStart = sim.start + day * DAY_MS;
    yield wait(dayStart);
    const due = Math.round(((day + 1) * count) / days);
    for (; handedOff < due; handedOff++) {
      const at = Math.round(dayStart + sim.random.between(8, 18) * HOUR_MS);
      sim.spawn(at, leadStory(sim, agreement));
    }
  }
}

/** Every quarter that starts within the history: one overall goal and one per main segment. */
function goalPlans(sim: Simulation, dealsPerDay: number): GoalPlan[] {
  const { random } = sim;
  const plans: GoalPlan[] = [];
  for (let quarter = nextQuarter(sim.start); startOfDate(quarter.start) <= sim.end; quarter = nextQuarter(endOfDate(quarter.end) + 1)) {
    const days = (endOfDate(quarter.end) + 1 - startOfDate(quarter.start)) / DAY_MS;
    const segments = ['SMB', 'MID_MARKET', 'ENTERPRISE', ...(random.chance(0.5) ? ['PUBLIC_SECTOR'] : [])];
    for (const segment of [null, ...segments]) {
      const expected = SEGMENTS.filter((candidate) => segment === null || candidate.name === segment).reduce(
        (sum, candidate) => sum + dealsPerDay * days * candidate.weight * 0.6 * candidate.winRate * meanAmount(candidate),
        0,
      );
      plans.push({
        id: random.uuid(),
        name: `${quarter.label} ${segment === null ? 'bookings' : `${segment} bookings`}`,
        periodStart: quarter.start,
        periodEnd: quarter.end,
        segment,
        target: Math.max(1000, Math.round((expected * random.between(0.9, 1.2)) / 1000) * 1000),
      });
    }
  }
  return plans;
}

interface Quarter {
  readonly start: string;
  readonly end: string;
  readonly label: string;
}

/** The calendar quarter that starts at or after `ms` (UTC). */
export function nextQuarter(ms: number): Quarter {
  const holding = quarterHolding(ms);
  return startOfDate(holding.start) === ms ? holding : quarterHolding(endOfDate(holding.end) + 1);
}

/** The calendar quarter that holds `ms`. */
export function quarterHolding(ms: number): Quarter {
  const date = new Date(ms);
  return quarterOf(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3);
}

function quarterOf(year: number, firstMonth: number): Quarter {
  const start = new Date(Date.UTC(year, firstMonth, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(year, firstMonth + 3, 0)).toISOString().slice(0, 10);
  return { start, end, label: `${year} Q${firstMonth / 3 + 1}` };
}

/** How many deals make about the requested number of events, learnt from a pilot run of the same history. */
function dealsFor(options: HistoryOptions, start: number): number {
  const ledger = new Ledger();
  const pilot = plan(new Random(options.seed ^ 0x5bd1e995), start, options.until, PILOT_DEALS, ledger);
  let dealEvents = 0;
  let otherEvents = 0;
  for (const batch of pilot.run()) {
    // The goals, the catalog and the agreement do not grow with the deals; leads do.
    if (batch.stream.startsWith('goal-') || batch.stream === 'reasons' || batch.stream === 'qualification') otherEvents += batch.events.length;
    else dealEvents += batch.events.length;
  }
  return Math.max(1, Math.round((options.events - otherEvents) / (dealEvents / PILOT_DEALS)));
}

/** What the stories report as they play, for the manifest. */
class Ledger implements DealLedger, GoalLedger {
  /** Insertion order is opening order; a reopened deal keeps its place. */
  readonly deals = new Map<string, 'OPEN' | 'WON' | 'LOST'>();
  readonly goals: GoalRecord[] = [];
  readonly types = new Map<string, number>();

  dealStatus(dealId: string, status: 'OPEN' | 'WON' | 'LOST'): void {
    this.deals.set(dealId, status);
  }

  goalProposed(goal: GoalRecord): void {
    this.goals.push(goal);
  }

  counted(type: string): void {
    this.types.set(type, (this.types.get(type) ?? 0) + 1);
  }

  loadTargets(until: number): LoadTargets {
    const overall = this.goals.filter((goal) => goal.segment === null);
    const current = quarterHolding(until - 1);
    const goalNow = overall.find((goal) => goal.periodStart === current.start) ?? overall[overall.length - 1];
    const goalPast = [...overall].reverse().find((goal) => endOfDate(goal.periodEnd) < until) ?? goalNow;
    if (goalNow === undefined || goalPast === undefined) throw new Error('The history is too short to hold a shared goal');
    const periodStart = startOfDate(goalPast.periodStart);
    const periodEnd = endOfDate(goalPast.periodEnd);
    const at = (share: number) => new Date(Math.min(periodStart + (periodEnd - periodStart) * share, until)).toISOString();
    const open = [...this.deals].filter(([, status]) => status === 'OPEN').map(([id]) => id);
    return {
      goalNow,
      goalPast,
      pastAsOf: at(0.5),
      series: Array.from({ length: 12 }, (_, index) => at((index + 1) / 12)),
      window: { from: goalPast.periodStart, to: goalPast.periodEnd },
      openDealIds: open.slice(-OPEN_DEALS_KEPT),
    };
  }
}
