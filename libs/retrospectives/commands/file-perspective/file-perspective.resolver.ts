import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Retrospective } from '../../read-models/retrospective/retrospective.model.js';
import { RetrospectivesReader, type RetrospectiveRow } from '../../read-models/retrospective/retrospectives.reader.js';
import { FilePerspectiveCommand } from './file-perspective.command.js';
import { FilePerspectiveInput } from './file-perspective.input.js';

@Resolver(() => Retrospective)
export class FilePerspectiveResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: RetrospectivesReader,
  ) {}

  @Mutation(() => Retrospective)
  async filePerspective(@Args('input') input: FilePerspectiveInput, @CurrentCaller() caller: Caller): Promise<RetrospectiveRow> {
    const id = await this.commands.execute(new FilePerspectiveCommand(input, caller));
    return readBack(this.reader.byId(id), `Retrospective ${id}`);
  }
}
