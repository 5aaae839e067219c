import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Deal, DealsReader, type DealRow } from '#deals';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Lead } from '../../read-models/lead/lead.model.js';
import { ConvertLeadCommand } from './convert-lead.command.js';
import { ConvertLeadInput } from './convert-lead.input.js';

@Resolver(() => Lead)
export class ConvertLeadResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly deals: DealsReader,
  ) {}

  @Mutation(() => Deal)
  async convertLead(@Args('input') input: ConvertLeadInput, @CurrentCaller() caller: Caller): Promise<DealRow> {
    const id = await this.commands.execute(new ConvertLeadCommand(input, caller));
    return readBack(this.deals.byId(id), `Deal ${id}`);
  }
}
