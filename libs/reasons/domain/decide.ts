import { conflict, forbidden, invalidInput, notFound, type CommandContext } from '#shared';
import type { DefineReason, MergeReasons, ReasonCommand, RetireReason } from './commands.js';
import { DEFAULT_REASONS } from './default-catalog.js';
import type { ReasonEvent } from './events.js';
import { findReason, type ReasonCatalog, type ReasonEntry } from './state.js';

export function decide(command: ReasonCommand, state: ReasonCatalog, context: CommandContext): readonly ReasonEvent[] {
  switch (command.type) {
    case 'DefineReason':
      return define(command, state, context);
    case 'RetireReason':
      return retire(command, state, context);
    case 'MergeReasons':
      return merge(command, state, context);
    case 'DefineDefaultCatalog':
      return defineDefaults(state);
  }
}

function define(command: DefineReason, state: ReasonCatalog, context: CommandContext): readonly ReasonEvent[] {
  requireRevOps(context, 'define a reason');
  const existing = findReason(command.code, state);
  if (existing !== null) {
    // A retired code stays retired: defining it again, even identically, would promise the
    // caller a reason that no command accepts.
    if (existing.retired) {
      const merged = existing.mergedInto === null ? '' : ` (merged into ${existing.mergedInto})`;
      throw conflict(`Reason "${command.code}" is retired${merged}; a retired code cannot be defined again`);
    }
    const same = existing.label === command.label && existing.category === command.category && existing.kind === command.kind;
    if (same) return [];
    throw conflict(`Reason "${command.code}" is already defined as "${existing.label}" (${existing.kind}, ${existing.category})`);
  }
  const { code, label, category, kind } = command;
  return [{ type: 'ReasonDefined', data: { code, label, category, kind } }];
}

function retire(command: RetireReason, state: ReasonCatalog, context: CommandContext): readonly ReasonEvent[] {
  requireRevOps(context, 'retire a reason');
  const reason = requireReason(command.code, state);
  if (reason.retired) return [];
  return [{ type: 'ReasonRetired', data: { code: reason.code } }];
}

function merge(command: MergeReasons, state: ReasonCatalog, context: CommandContext): readonly ReasonEvent[] {
  requireRevOps(context, 'merge reasons');
  if (command.from === command.into) throw invalidInput('into', `into must name another reason than from ("${command.from}")`);
  // Both codes name the mutation's targets, so a missing one is NOT_FOUND (as for retireReason),
  // not a wrong value of an otherwise valid request.
  const from = requireReason(command.from, state);
  const into = requireReason(command.into, state);
  if (from.mergedInto === into.code) return [];
  if (from.mergedInto !== null) {
    throw conflict(`Reason "${from.code}" was already merged into "${from.mergedInto}"; it cannot be merged again`);
  }
  if (into.kind !== from.kind) {
    throw invalidInput('into', `into must be a ${from.kind} reason like "${from.code}"; "${into.code}" is a ${into.kind} reason`);
  }
  if (into.retired) throw invalidInput('into', `into must be an active reason; "${into.code}" is retired`);
  // A retired `from` may still be merged: its past citations then count under the survivor.
  return [{ type: 'ReasonsMerged', data: { from: from.code, into: into.code } }];
}

// Run by the service itself, never through the API, so no caller's team applies. A default
// that is in the catalog in any form (redefined, retired, merged) is left as the users made it.
function defineDefaults(state: ReasonCatalog): readonly ReasonEvent[] {
  return DEFAULT_REASONS.filter((reason) => findReason(reason.code, state) === null).map(
    ({ code, label, category, kind }): ReasonEvent => ({ type: 'ReasonDefined', data: { code, label, category, kind } }),
  );
}

function requireRevOps(context: CommandContext, what: string): void {
  if (context.actor.team !== 'REVOPS') throw forbidden(`Only REVOPS may ${what}; the caller is ${context.actor.team}`);
}

function requireReason(code: string, state: ReasonCatalog): ReasonEntry {
  const reason = findReason(code, state);
  if (reason === null) throw notFound(`Reason "${code}" does not exist`);
  return reason;
}
