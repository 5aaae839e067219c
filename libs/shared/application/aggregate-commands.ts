import type { Actor, Decider, DomainEvent } from '#shared';
import type { CommandRunner } from './command-runner.js';

/** Who asked for a command, as resolvers hand it to handlers. */
export interface Caller {
  readonly actor: Actor;
  readonly correlationId: string;
}

/** Where a command of an aggregate goes, and how errors name the aggregate. */
export interface AggregateTarget {
  readonly id: string;
  readonly stream: string;
  readonly describe: string;
}

/**
 * Runs one aggregate's commands on its stream: decide, append with the revision read (or the
 * caller's expectedVersion), then read-your-writes. Each context subclasses it with its decider.
 */
export abstract class AggregateCommands<Command, Event extends DomainEvent, State> {
  protected constructor(
    protected readonly runner: CommandRunner,
    private readonly decider: Decider<Command, Event, State>,
    private readonly target: (command: Command) => AggregateTarget,
  ) {}

  /** Answers the id of the aggregate changed. */
  async run(command: Command, { actor, correlationId }: Caller, expectedVersion?: number | null): Promise<string> {
    const { id, stream, describe } = this.target(command);
    await this.runner.run(this.decider, {
      stream,
      command,
      context: this.runner.context(actor, correlationId),
      expectedVersion: expectedVersion ?? null,
      describe,
    });
    return id;
  }
}
