import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Lead } from '../../read-models/lead/lead.model.js';
import { LeadsReader, type LeadRow } from '../../read-models/lead/leads.reader.js';
import { RejectLeadCommand } from './reject-lead.command.js';
import { RejectLeadInput } from './reject-lead.input.js';

@Resolver(() => Lead)
export class RejectLeadResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: LeadsReader,
  ) {}

  @Mutation(() => Lead)
  async rejectLead(@Args('input') input: RejectLeadInput, @CurrentCaller() caller: Caller): Promise<LeadRow> {
    const id = await this.commands.execute(new RejectLeadCommand(input, caller));
    return readBack(this.reader.byId(id), `Lead ${id}`);
  }
}
