import { parseDefineReasonInput, parseMergeReasonsInput, parseRetireReasonInput, type ReasonCommand } from '#reasons';
import { SERVICE_ACTOR } from '#shared/application';
import { REVOPS } from './cast.js';
import { wait, type Process, type Simulation } from './simulation.js';

/** The catalog's changes over the history, at fractions of its length. */
const CHANGES: readonly { readonly at: number; readonly command: ReasonCommand }[] = [
  { at: 0.12, command: parseDefineReasonInput({ code: 'SECURITY_REVIEW', label: 'Failed the security review', category: 'PRODUCT', kind: 'LOSS' }) },
  { at: 0.15, command: parseDefineReasonInput({ code: 'BUDGET_FROZEN', label: 'Budget frozen', category: 'NO_DECISION', kind: 'LOSS' }) },
  { at: 0.2, command: parseDefineReasonInput({ code: 'EXECUTIVE_SPONSOR', label: 'Executive sponsor', category: 'RELATIONSHIP', kind: 'WIN' }) },
  { at: 0.33, command: parseDefineReasonInput({ code: 'LEGAL_DELAY', label: 'Stuck in legal', category: 'TIMING', kind: 'LOSS' }) },
  { at: 0.4, command: parseDefineReasonInput({ code: 'VALUE_NOT_PROVEN', label: 'Value not proven', category: 'MESSAGING', kind: 'LOSS' }) },
  { at: 0.5, command: parseMergeReasonsInput({ from: 'BUDGET_FROZEN', into: 'NO_DECISION' }) },
  { at: 0.6, command: parseRetireReasonInput({ code: 'LEGAL_DELAY' }) },
  { at: 0.7, command: parseDefineReasonInput({ code: 'FAST_ONBOARDING', label: 'Fast onboarding', category: 'PRODUCT', kind: 'WIN' }) },
  // A rename by merge: the old code's history counts under the new one.
  { at: 0.75, command: parseMergeReasonsInput({ from: 'UNCLEAR_VALUE', into: 'VALUE_NOT_PROVEN' }) },
  { at: 0.9, command: parseMergeReasonsInput({ from: 'SECURITY_REVIEW', into: 'MISSING_FEATURE' }) },
];

/**
 * The reason catalog: first the default catalog, with the very command and context the service
 * runs at its first start (so the service finds it defined and appends nothing), then a few
 * definitions, merges and a retirement by revenue operations.
 */
export function* reasonStory(sim: Simulation): Process {
  const seeding = { actor: SERVICE_ACTOR, now: sim.now, correlationId: 'default-reason-catalog' };
  yield* sim.changeCatalog({ type: 'DefineDefaultCatalog' }, seeding);
  for (const change of CHANGES) {
    yield wait(Math.round(sim.start + (sim.end - sim.start) * change.at));
    yield* sim.changeCatalog(change.command, sim.context(sim.random.pick(REVOPS)));
  }
}
