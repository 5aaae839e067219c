import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Lead } from '../../read-models/lead/lead.model.js';
import { LeadsReader, type LeadRow } from '../../read-models/lead/leads.reader.js';
import { RecycleLeadCommand } from './recycle-lead.command.js';
import { RecycleLeadInput } from './recycle-lead.input.js';

@Resolver(() => Lead)
export class RecycleLeadResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: LeadsReader,
  ) {}

  @Mutation(() => Lead)
  async recycleLead(@Args('input') input: RecycleLeadInput, @CurrentCaller() caller: Caller): Promise<LeadRow> {
    const id = await this.commands.execute(new RecycleLeadCommand(input, caller));
    return readBack(this.reader.byId(id), `Lead ${id}`);
  }
}
