import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type Position } from '#event-store';
import { DomainError, type Actor, type Aggregate, type Caller, type CommandContext, type DomainEvent } from '#shared';
import { handleCommand, readAggregate, type AggregateRead, type CommandResult } from './handle-command.js';
import { CLOCK, COMMAND_OBSERVER, type Clock, type CommandObserver } from './tokens.js';

export const READ_YOUR_WRITES = Symbol('ReadYourWrites');

/**
 * Waits until this instance's read models include what was written: each read model consuming
 * one of the types, up to the last position of those types it consumes. Throws a PROJECTION_LAG
 * DomainError when they do not in time.
 */
export interface ReadYourWrites {
  waitFor(positionsByType: ReadonlyMap<string, Position>): Promise<void>;
}

/** A command as every entry point sends it through the CommandBus: the input, and who asked. */
export abstract class CallerCommand<Input, Result = string> extends Command<Result> {
  constructor(
    readonly input: Input,
    readonly caller: Caller,
  ) {
    super();
  }
}

/** A command's input with the client's optional expectedVersion (an If-Match on the stream). */
export type Versioned<Fields> = Fields & { readonly expectedVersion?: number | null };

/**
 * What command handlers run commands with: `handleCommand` over the service's event store and
 * clock, then read-your-writes, so a mutation's answer and every later query show its change.
 */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    @Optional() @Inject(COMMAND_OBSERVER) private readonly observer: CommandObserver | null = null,
  ) {}

  /** The context of one command: the caller, and now by the server's clock. */
  context({ actor, correlationId }: Caller): CommandContext {
    return { actor, now: this.clock.now(), correlationId };
  }

  /**
   * Runs a command on the instance `id` of the aggregate and returns once the read models include
   * it. A Caller is given the server's time now; a CommandContext keeps its own, so the steps of
   * one operation share one moment.
   */
  async handle<Command, Event extends DomainEvent, State>(
    aggregate: Aggregate<Command, Event, State>,
    id: string,
    command: Command,
    who: Caller | CommandContext,
    expectedVersion?: number | null,
  ): Promise<CommandResult<State>> {
    const context = 'now' in who ? who : this.context(who);
    const started = performance.now();
    let outcome = 'ok';
    try {
      const result = await handleCommand(this.store, aggregate, id, command, context, { expectedVersion: expectedVersion ?? null });
      await this.settle(result);
      return result;
    } catch (error) {
      outcome = error instanceof DomainError ? error.code : 'error';
      throw error;
    } finally {
      this.observer?.observe(commandType(command), outcome, (performance.now() - started) / 1000);
    }
  }

  /** The instance as its stream has it now (not the read model): for checks a moment old is too old. */
  read<Command, Event extends DomainEvent, State>(aggregate: Aggregate<Command, Event, State>, id: string): Promise<AggregateRead<State>> {
    return readAggregate(this.store, aggregate, id);
  }

  /** Returns once the read models include what a command appended (or, for a repeat, its stream). */
  async settle(result: Pick<CommandResult<unknown>, 'positions'>): Promise<void> {
    if (result.positions.size === 0) return;
    await this.readYourWrites.waitFor(result.positions);
  }
}

/** A domain command's own name (`WinDeal`), which every command of the domain carries. */
function commandType(command: unknown): string {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : 'unknown';
}

/** The service itself, as the actor of what it records on its own. */
export const SERVICE_ACTOR: Actor = { id: 'tandem', name: 'Tandem', team: 'REVOPS', lead: false };
