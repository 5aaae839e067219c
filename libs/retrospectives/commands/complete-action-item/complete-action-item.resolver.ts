import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import { CurrentActor, CurrentRequest, readBack, type RequestContext } from '#shared/graphql';
import { Retrospective } from '../../read-models/retrospective/retrospective.model.js';
import { GetRetrospectiveQuery } from '../../read-models/retrospective/retrospective.query-handler.js';
import type { RetrospectiveRow } from '../../read-models/retrospective/retrospectives.reader.js';
import { CompleteActionItemCommand } from './complete-action-item.command.js';
import { CompleteActionItemInput } from './complete-action-item.input.js';

@Resolver(() => Retrospective)
export class CompleteActionItemResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => Retrospective)
  async completeActionItem(
    @Args('input') input: CompleteActionItemInput,
    @CurrentActor() actor: Actor,
    @CurrentRequest() request: RequestContext,
  ): Promise<RetrospectiveRow> {
    const id = await this.commands.execute(new CompleteActionItemCommand(input, actor, request.correlationId));
    return readBack(await this.queries.execute(new GetRetrospectiveQuery(id)), `Retrospective ${id}`);
  }
}
