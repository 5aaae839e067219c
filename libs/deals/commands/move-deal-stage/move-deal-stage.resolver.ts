import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Deal } from '../../read-models/deal/deal.model.js';
import { DealsReader, type DealRow } from '../../read-models/deal/deals.reader.js';
import { MoveDealStageCommand } from './move-deal-stage.command.js';
import { MoveDealStageInput } from './move-deal-stage.input.js';

@Resolver(() => Deal)
export class MoveDealStageResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: DealsReader,
  ) {}

  @Mutation(() => Deal)
  async moveDealStage(@Args('input') input: MoveDealStageInput, @CurrentCaller() caller: Caller): Promise<DealRow> {
    const id = await this.commands.execute(new MoveDealStageCommand(input, caller));
    return readBack(this.reader.byId(id), `Deal ${id}`);
  }
}
