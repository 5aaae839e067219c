import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Retrospective } from '../../read-models/retrospective/retrospective.model.js';
import { RetrospectivesReader, type RetrospectiveRow } from '../../read-models/retrospective/retrospectives.reader.js';
import { ConcludeRetrospectiveCommand } from './conclude-retrospective.command.js';
import { ConcludeRetrospectiveInput } from './conclude-retrospective.input.js';

@Resolver(() => Retrospective)
export class ConcludeRetrospectiveResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: RetrospectivesReader,
  ) {}

  @Mutation(() => Retrospective)
  async concludeRetrospective(@Args('input') input: ConcludeRetrospectiveInput, @CurrentCaller() caller: Caller): Promise<RetrospectiveRow> {
    const id = await this.commands.execute(new ConcludeRetrospectiveCommand(input, caller));
    return readBack(this.reader.byId(id), `Retrospective ${id}`);
  }
}
