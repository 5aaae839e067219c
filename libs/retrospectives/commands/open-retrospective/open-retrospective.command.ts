import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DealSource } from '#deals';
import { conflict } from '#shared';
import { CallerCommand, CommandRunner } from '#shared/application';
import {
  claimKey,
  closureClaimAggregate,
  openingFromClaim,
  parseOpenRetrospectiveInput,
  retrospectiveAggregate,
  type OpenRetrospective,
  type OpenRetrospectiveFields,
  type RetrospectiveOpened,
} from '../../domain/index.js';

/** Answers the id of the retrospective opened. */
export class OpenRetrospectiveCommand extends CallerCommand<OpenRetrospectiveFields> {}

/**
 * Opens a retrospective for the deal's latest closure, holding that closure first (see
 * closure-claim.ts). A claim held by another retrospective is finished before the CONFLICT, so a
 * crash after someone's claim never leaves the closure claimed and without its retrospective.
 */
@CommandHandler(OpenRetrospectiveCommand)
export class OpenRetrospectiveHandler implements ICommandHandler<OpenRetrospectiveCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly deals: DealSource,
  ) {}

  async execute({ input, caller }: OpenRetrospectiveCommand): Promise<string> {
    const request = parseOpenRetrospectiveInput(input);
    // From the deal's own stream, not the read model: a closure recorded a moment ago counts.
    const command: OpenRetrospective = { ...request, deal: await this.deals.snapshot(request.dealId) };
    const id = command.retrospectiveId;
    // One moment for the claim and the opening it carries.
    const context = this.runner.context(caller);
    const existing = await this.runner.read(retrospectiveAggregate, id);
    if (existing.state !== null) {
      // A repeat, or an id taken by another closure: the decider tells which, with nothing to claim.
      await this.runner.handle(retrospectiveAggregate, id, command, context);
      return id;
    }
    // Decided with no retrospective yet: refuses the caller, a missing deal or an open one before
    // anything is written, and says which closure the new retrospective reviews.
    const [opened] = retrospectiveAggregate.decider.decide(command, null, context) as readonly RetrospectiveOpened[];
    if (opened === undefined) throw new Error('Opening a retrospective decided no event');
    const { dealId, closure } = opened.data;
    const claim = await this.runner.handle(closureClaimAggregate, claimKey(dealId, closure), { type: 'ClaimClosure', opening: opened.data }, context);
    const holder = claim.state;
    if (holder === null) throw new Error('A closure claim was decided but holds no retrospective');
    await this.runner.handle(retrospectiveAggregate, holder.retrospectiveId, openingFromClaim(holder), context);
    if (holder.retrospectiveId !== id) {
      throw conflict(`Closure ${closure} of deal "${dealId}" already has retrospective "${holder.retrospectiveId}"; there is one per closure`);
    }
    return id;
  }
}
