import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Deal } from '../../read-models/deal/deal.model.js';
import { DealsReader, type DealRow } from '../../read-models/deal/deals.reader.js';
import { ReviseDealCommand } from './revise-deal.command.js';
import { ReviseDealInput } from './revise-deal.input.js';

@Resolver(() => Deal)
export class ReviseDealResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: DealsReader,
  ) {}

  @Mutation(() => Deal)
  async reviseDeal(@Args('input') input: ReviseDealInput, @CurrentCaller() caller: Caller): Promise<DealRow> {
    const id = await this.commands.execute(new ReviseDealCommand(input, caller));
    return readBack(this.reader.byId(id), `Deal ${id}`);
  }
}
