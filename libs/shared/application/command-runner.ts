import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore, type Position } from '#event-store';
import type { CommandContext, Decider, DomainEvent, Actor } from '#shared';
import { executeCommand, type ExecuteOptions, type ExecuteResult } from './execute-command.js';
import { CLOCK, type Clock } from './tokens.js';

export const READ_YOUR_WRITES = Symbol('ReadYourWrites');

/**
 * Waits until this instance's read models include the given position for the read models that
 * consume the given event types; throws a PROJECTION_LAG DomainError when they do not in time.
 */
export interface ReadYourWrites {
  waitFor(position: Position, eventTypes: readonly string[]): Promise<void>;
}

/** Runs a command the same way for every context: decide, append, then read-your-writes. */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
  ) {}

  context(actor: Actor, correlationId: string = randomUUID()): CommandContext {
    return { actor, now: this.clock.now(), correlationId };
  }

  async run<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    options: ExecuteOptions<Command>,
  ): Promise<ExecuteResult<State>> {
    const result = await executeCommand(this.store, decider, options);
    await this.settle(result);
    return result;
  }

  /** Returns once the read models include what the command appended. */
  async settle(result: Pick<ExecuteResult<unknown>, 'position' | 'eventTypes'>): Promise<void> {
    if (result.position === undefined) return;
    await this.readYourWrites.waitFor(result.position, result.eventTypes);
  }
}
