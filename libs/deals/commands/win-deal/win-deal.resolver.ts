import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Deal } from '../../read-models/deal/deal.model.js';
import { DealsReader, type DealRow } from '../../read-models/deal/deals.reader.js';
import { WinDealCommand } from './win-deal.command.js';
import { WinDealInput } from './win-deal.input.js';

@Resolver(() => Deal)
export class WinDealResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: DealsReader,
  ) {}

  @Mutation(() => Deal)
  async winDeal(@Args('input') input: WinDealInput, @CurrentCaller() caller: Caller): Promise<DealRow> {
    const id = await this.commands.execute(new WinDealCommand(input, caller));
    return readBack(this.reader.byId(id), `Deal ${id}`);
  }
}
