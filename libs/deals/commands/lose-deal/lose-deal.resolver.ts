import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Deal } from '../../read-models/deal/deal.model.js';
import { DealsReader, type DealRow } from '../../read-models/deal/deals.reader.js';
import { LoseDealCommand } from './lose-deal.command.js';
import { LoseDealInput } from './lose-deal.input.js';

@Resolver(() => Deal)
export class LoseDealResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: DealsReader,
  ) {}

  @Mutation(() => Deal)
  async loseDeal(@Args('input') input: LoseDealInput, @CurrentCaller() caller: Caller): Promise<DealRow> {
    const id = await this.commands.execute(new LoseDealCommand(input, caller));
    return readBack(this.reader.byId(id), `Deal ${id}`);
  }
}
