import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Deal } from '../../read-models/deal/deal.model.js';
import { DealsReader, type DealRow } from '../../read-models/deal/deals.reader.js';
import { ReopenDealCommand } from './reopen-deal.command.js';
import { ReopenDealInput } from './reopen-deal.input.js';

@Resolver(() => Deal)
export class ReopenDealResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: DealsReader,
  ) {}

  @Mutation(() => Deal)
  async reopenDeal(@Args('input') input: ReopenDealInput, @CurrentCaller() caller: Caller): Promise<DealRow> {
    const id = await this.commands.execute(new ReopenDealCommand(input, caller));
    return readBack(this.reader.byId(id), `Deal ${id}`);
  }
}
