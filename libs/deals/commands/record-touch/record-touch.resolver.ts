import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import { CurrentActor, CurrentRequest, readBack, type RequestContext } from '#shared/graphql';
import { Deal } from '../../read-models/deal/deal.model.js';
import { GetDealQuery } from '../../read-models/deal/deal.query-handler.js';
import type { DealRow } from '../../read-models/deal/deals.reader.js';
import { RecordTouchCommand } from './record-touch.command.js';
import { RecordTouchInput } from './record-touch.input.js';

@Resolver(() => Deal)
export class RecordTouchResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => Deal)
  async recordTouch(
    @Args('input') input: RecordTouchInput,
    @CurrentActor() actor: Actor,
    @CurrentRequest() request: RequestContext,
  ): Promise<DealRow> {
    const id = await this.commands.execute(new RecordTouchCommand(input, actor, request.correlationId));
    return readBack(await this.queries.execute(new GetDealQuery(id)), `Deal ${id}`);
  }
}
