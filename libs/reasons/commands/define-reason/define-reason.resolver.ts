import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import { CurrentActor, CurrentRequest, readBack, type RequestContext } from '#shared/graphql';
import { Reason } from '../../read-models/reason/reason.model.js';
import { GetReasonQuery } from '../../read-models/reason/reason.query-handler.js';
import type { ReasonRow } from '../../read-models/reason/reasons.reader.js';
import { DefineReasonCommand } from './define-reason.command.js';
import { DefineReasonInput } from './define-reason.input.js';

@Resolver(() => Reason)
export class DefineReasonResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => Reason)
  async defineReason(
    @Args('input') input: DefineReasonInput,
    @CurrentActor() actor: Actor,
    @CurrentRequest() request: RequestContext,
  ): Promise<ReasonRow> {
    const code = await this.commands.execute(new DefineReasonCommand(input, actor, request.correlationId));
    return readBack(await this.queries.execute(new GetReasonQuery(code)), `Reason ${code}`);
  }
}
