import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Lead } from '../../read-models/lead/lead.model.js';
import { LeadsReader, type LeadRow } from '../../read-models/lead/leads.reader.js';
import { AcceptLeadCommand } from './accept-lead.command.js';
import { AcceptLeadInput } from './accept-lead.input.js';

@Resolver(() => Lead)
export class AcceptLeadResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: LeadsReader,
  ) {}

  @Mutation(() => Lead)
  async acceptLead(@Args('input') input: AcceptLeadInput, @CurrentCaller() caller: Caller): Promise<LeadRow> {
    const id = await this.commands.execute(new AcceptLeadCommand(input, caller));
    return readBack(this.reader.byId(id), `Lead ${id}`);
  }
}
