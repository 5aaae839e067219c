import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import { CurrentActor, CurrentRequest, readBack, type RequestContext } from '#shared/graphql';
import { Reason } from '../../read-models/reason/reason.model.js';
import { GetReasonQuery } from '../../read-models/reason/reason.query-handler.js';
import type { ReasonRow } from '../../read-models/reason/reasons.reader.js';
import { MergeReasonsCommand } from './merge-reasons.command.js';
import { MergeReasonsInput } from './merge-reasons.input.js';

@Resolver(() => Reason)
export class MergeReasonsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => Reason)
  async mergeReasons(
    @Args('input') input: MergeReasonsInput,
    @CurrentActor() actor: Actor,
    @CurrentRequest() request: RequestContext,
  ): Promise<ReasonRow> {
    const code = await this.commands.execute(new MergeReasonsCommand(input, actor, request.correlationId));
    return readBack(await this.queries.execute(new GetReasonQuery(code)), `Reason ${code}`);
  }
}
