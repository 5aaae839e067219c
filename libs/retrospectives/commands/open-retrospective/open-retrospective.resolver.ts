import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import { CurrentActor, CurrentRequest, readBack, type RequestContext } from '#shared/graphql';
import { Retrospective } from '../../read-models/retrospective/retrospective.model.js';
import { GetRetrospectiveQuery } from '../../read-models/retrospective/retrospective.query-handler.js';
import type { RetrospectiveRow } from '../../read-models/retrospective/retrospectives.reader.js';
import { OpenRetrospectiveCommand } from './open-retrospective.command.js';
import { OpenRetrospectiveInput } from './open-retrospective.input.js';

@Resolver(() => Retrospective)
export class OpenRetrospectiveResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => Retrospective)
  async openRetrospective(
    @Args('input') input: OpenRetrospectiveInput,
    @CurrentActor() actor: Actor,
    @CurrentRequest() request: RequestContext,
  ): Promise<RetrospectiveRow> {
    const id = await this.commands.execute(new OpenRetrospectiveCommand(input, actor, request.correlationId));
    return readBack(await this.queries.execute(new GetRetrospectiveQuery(id)), `Retrospective ${id}`);
  }
}
