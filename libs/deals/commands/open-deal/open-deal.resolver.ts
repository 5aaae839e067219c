import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Deal } from '../../read-models/deal/deal.model.js';
import { DealsReader, type DealRow } from '../../read-models/deal/deals.reader.js';
import { OpenDealCommand } from './open-deal.command.js';
import { OpenDealInput } from './open-deal.input.js';

@Resolver(() => Deal)
export class OpenDealResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: DealsReader,
  ) {}

  @Mutation(() => Deal)
  async openDeal(@Args('input') input: OpenDealInput, @CurrentCaller() caller: Caller): Promise<DealRow> {
    const id = await this.commands.execute(new OpenDealCommand(input, caller));
    return readBack(this.reader.byId(id), `Deal ${id}`);
  }
}
