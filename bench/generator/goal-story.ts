import { goalAggregate, parseCloseSharedGoalInput, parseEndorseSharedGoalInput, parseProposeSharedGoalInput, parseReviseGoalTargetInput, type GoalState } from '#goals';
import { currency, DAY_MS, endOfDate, startOfDate, type Actor } from '#shared';
import { EXECUTIVES, MARKETING_LEAD, REVOPS, SALES_LEAD } from './cast.js';
import { wait, type Process, type Simulation, type Slot } from './simulation.js';

const USD = currency('USD');

export interface GoalPlan {
  readonly id: string;
  readonly name: string;
  /** YYYY-MM-DD */
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly segment: string | null;
  /** Whole currency units. */
  readonly target: number;
}

/** What the load phase needs to know of a goal. */
export interface GoalRecord extends GoalPlan {
  readonly proposedAt: string;
}

export interface GoalLedger {
  goalProposed(goal: GoalRecord): void;
}

/**
 * One shared goal: proposed by an executive a week or two before its quarter, endorsed by both
 * leads (which activates it), its target revised in a third of the quarters (which asks both
 * leads to sign again), and closed a few days after the quarter.
 */
export function* goalStory(sim: Simulation, plan: GoalPlan, ledger: GoalLedger): Process {
  const { random } = sim;
  const goal: Slot<GoalState> = { state: null, revision: null };
  const periodStart = startOfDate(plan.periodStart);
  const proposeAt = Math.max(sim.start + DAY_MS, periodStart - random.between(7, 14) * DAY_MS);

  yield wait(proposeAt);
  const input = { id: plan.id, name: plan.name, periodStart: plan.periodStart, periodEnd: plan.periodEnd, target: `${plan.target}.00`, segment: plan.segment };
  yield* sim.execute(goalAggregate, plan.id, goal, parseProposeSharedGoalInput(input, USD), sim.context(random.pick(EXECUTIVES)));
  ledger.goalProposed({ ...plan, proposedAt: new Date(sim.now).toISOString() });
  yield* endorseByBoth(sim, plan.id, goal);

  if (random.chance(0.35)) {
    yield wait(periodStart + random.between(20, 50) * DAY_MS);
    const current = goal.state?.targetMinor ?? plan.target * 100;
    const rounded = Math.max(1000, Math.round((current / 100) * random.pick([0.85, 0.9, 1.1, 1.15]) / 1000) * 1000);
    // A revision must change the number.
    const target = rounded * 100 === current ? rounded + 1000 : rounded;
    const reason = random.pick(['Pipeline came in below plan', 'Two large renewals moved into the quarter', 'Board asked for a stretch', 'Hiring plan slipped']);
    const revise = parseReviseGoalTargetInput({ goalId: plan.id, target: `${target}.00`, reason }, USD);
    yield* sim.execute(goalAggregate, plan.id, goal, revise, sim.context(random.chance(0.5) ? random.pick(REVOPS) : random.pick(EXECUTIVES)));
    // Most revised numbers are signed again; some stay proposed.
    if (random.chance(0.8)) yield* endorseByBoth(sim, plan.id, goal);
  }

  yield wait(endOfDate(plan.periodEnd) + random.between(3, 10) * DAY_MS);
  yield* sim.execute(goalAggregate, plan.id, goal, parseCloseSharedGoalInput({ goalId: plan.id }), sim.context(random.pick(REVOPS)));
}

function* endorseByBoth(sim: Simulation, goalId: string, goal: Slot<GoalState>): Process {
  const { random } = sim;
  const leads: { lead: Actor; at: number }[] = [
    { lead: MARKETING_LEAD, at: sim.now + random.between(0.5, 5) * DAY_MS },
    { lead: SALES_LEAD, at: sim.now + random.between(0.5, 7) * DAY_MS },
  ];
  leads.sort((a, b) => a.at - b.at);
  for (const { lead, at } of leads) {
    yield wait(Math.round(at));
    yield* sim.execute(goalAggregate, goalId, goal, parseEndorseSharedGoalInput({ goalId }), sim.context(lead));
  }
}
