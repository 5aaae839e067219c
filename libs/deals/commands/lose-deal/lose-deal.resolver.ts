import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import { CurrentActor, CurrentRequest, readBack, type RequestContext } from '#shared/graphql';
import { Deal } from '../../read-models/deal/deal.model.js';
import { GetDealQuery } from '../../read-models/deal/deal.query-handler.js';
import type { DealRow } from '../../read-models/deal/deals.reader.js';
import { LoseDealCommand } from './lose-deal.command.js';
import { LoseDealInput } from './lose-deal.input.js';

@Resolver(() => Deal)
export class LoseDealResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => Deal)
  async loseDeal(
    @Args('input') input: LoseDealInput,
    @CurrentActor() actor: Actor,
    @CurrentRequest() request: RequestContext,
  ): Promise<DealRow> {
    const id = await this.commands.execute(new LoseDealCommand(input, actor, request.correlationId));
    return readBack(await this.queries.execute(new GetDealQuery(id)), `Deal ${id}`);
  }
}
