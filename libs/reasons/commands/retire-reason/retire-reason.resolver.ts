import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import { CurrentActor, CurrentRequest, readBack, type RequestContext } from '#shared/graphql';
import { Reason } from '../../read-models/reason/reason.model.js';
import { GetReasonQuery } from '../../read-models/reason/reason.query-handler.js';
import type { ReasonRow } from '../../read-models/reason/reasons.reader.js';
import { RetireReasonCommand } from './retire-reason.command.js';

@Resolver(() => Reason)
export class RetireReasonResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => Reason)
  async retireReason(
    @Args('code', { type: () => ID }) code: string,
    @CurrentActor() actor: Actor,
    @CurrentRequest() request: RequestContext,
  ): Promise<ReasonRow> {
    const retired = await this.commands.execute(new RetireReasonCommand(code, actor, request.correlationId));
    return readBack(await this.queries.execute(new GetReasonQuery(retired)), `Reason ${retired}`);
  }
}
