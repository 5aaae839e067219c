import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import { dealDecider, dealSnapshot, streamFor as dealStreamFor, type DealEvent, type DealStreamState } from '#deals';
import { conflict, type CommandContext } from '#shared';
import { CommandRunner, executeCommand, toDomainEvent, type Caller } from '#shared/application';
import {
  claimStreamFor,
  closureClaimDecider,
  openingFromClaim,
  retrospectiveDecider,
  streamFor,
  type DealSnapshot,
  type OpenRetrospective,
  type RetrospectiveCommand,
  type RetrospectiveOpened,
} from '../domain/index.js';

/** Runs retrospective commands: decide, append with the revision read, read-your-writes. */
@Injectable()
export class RetrospectiveCommands {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Answers the id of the retrospective changed. */
  async run(command: RetrospectiveCommand, { actor, correlationId }: Caller, expectedVersion?: number | null): Promise<string> {
    await this.apply(command, this.runner.context(actor, correlationId), expectedVersion ?? null);
    return command.retrospectiveId;
  }

  /** The deal as its own log has it now, folded with the deals' evolve; null when there is none. */
  async deal(dealId: string): Promise<DealSnapshot | null> {
    const { state } = await this.store.aggregateStream(dealStreamFor(dealId), {
      initialState: dealDecider.initialState,
      evolve: (current: DealStreamState, event: RecordedEvent) => dealDecider.evolve(current, toDomainEvent<DealEvent>(event)),
    });
    return dealSnapshot(state);
  }

  /**
   * Opens a retrospective for the deal's latest closure, holding that closure first (see
   * closure-claim.ts). A claim held by another retrospective is finished before the CONFLICT, so
   * a crash after someone's claim never leaves the closure claimed and without its retrospective.
   */
  async open(command: OpenRetrospective, caller: Caller): Promise<string> {
    const context = this.runner.context(caller.actor, caller.correlationId);
    const existing = await this.store.aggregateStream(streamFor(command.retrospectiveId), {
      initialState: retrospectiveDecider.initialState,
      evolve: (current: ReturnType<typeof retrospectiveDecider.initialState>, event: RecordedEvent) =>
        retrospectiveDecider.evolve(current, toDomainEvent(event)),
    });
    if (existing.state !== null) {
      // A repeat, or an id taken by another closure: the decider tells which, with nothing to claim.
      await this.apply(command, context, null);
      return command.retrospectiveId;
    }
    // Decided with no retrospective yet: refuses the caller, a missing deal or an open one before
    // anything is written, and says which closure the new retrospective reviews.
    const [opened] = retrospectiveDecider.decide(command, null, context) as readonly RetrospectiveOpened[];
    if (opened === undefined) throw new Error('Opening a retrospective decided no event');
    const claim = await executeCommand(this.store, closureClaimDecider, {
      stream: claimStreamFor(opened.data.dealId, opened.data.closure),
      command: { type: 'ClaimClosure', opening: opened.data },
      context,
      describe: `Closure ${opened.data.closure} of deal "${opened.data.dealId}"`,
    });
    const holder = claim.state;
    if (holder === null) throw new Error('A closure claim was decided but holds no retrospective');
    await this.apply(openingFromClaim(holder), context, null);
    if (holder.retrospectiveId !== command.retrospectiveId) {
      throw conflict(
        `Closure ${holder.closure} of deal "${holder.dealId}" already has retrospective "${holder.retrospectiveId}"; there is one per closure`,
      );
    }
    return command.retrospectiveId;
  }

  private async apply(command: RetrospectiveCommand, context: CommandContext, expectedVersion: number | null): Promise<void> {
    await this.runner.run(retrospectiveDecider, {
      stream: streamFor(command.retrospectiveId),
      command,
      context,
      expectedVersion,
      describe: `Retrospective "${command.retrospectiveId}"`,
    });
  }
}
