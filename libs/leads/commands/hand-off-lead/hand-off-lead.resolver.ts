import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Lead } from '../../read-models/lead/lead.model.js';
import { LeadsReader, type LeadRow } from '../../read-models/lead/leads.reader.js';
import { HandOffLeadCommand } from './hand-off-lead.command.js';
import { HandOffLeadInput } from './hand-off-lead.input.js';

@Resolver(() => Lead)
export class HandOffLeadResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: LeadsReader,
  ) {}

  @Mutation(() => Lead)
  async handOffLead(@Args('input') input: HandOffLeadInput, @CurrentCaller() caller: Caller): Promise<LeadRow> {
    const id = await this.commands.execute(new HandOffLeadCommand(input, caller));
    return readBack(this.reader.byId(id), `Lead ${id}`);
  }
}
