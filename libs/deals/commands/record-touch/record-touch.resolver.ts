import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Deal } from '../../read-models/deal/deal.model.js';
import { DealsReader, type DealRow } from '../../read-models/deal/deals.reader.js';
import { RecordTouchCommand } from './record-touch.command.js';
import { RecordTouchInput } from './record-touch.input.js';

@Resolver(() => Deal)
export class RecordTouchResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: DealsReader,
  ) {}

  @Mutation(() => Deal)
  async recordTouch(@Args('input') input: RecordTouchInput, @CurrentCaller() caller: Caller): Promise<DealRow> {
    const id = await this.commands.execute(new RecordTouchCommand(input, caller));
    return readBack(this.reader.byId(id), `Deal ${id}`);
  }
}
