import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Retrospective } from '../../read-models/retrospective/retrospective.model.js';
import { RetrospectivesReader, type RetrospectiveRow } from '../../read-models/retrospective/retrospectives.reader.js';
import { OpenRetrospectiveCommand } from './open-retrospective.command.js';
import { OpenRetrospectiveInput } from './open-retrospective.input.js';

@Resolver(() => Retrospective)
export class OpenRetrospectiveResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: RetrospectivesReader,
  ) {}

  @Mutation(() => Retrospective)
  async openRetrospective(@Args('input') input: OpenRetrospectiveInput, @CurrentCaller() caller: Caller): Promise<RetrospectiveRow> {
    const id = await this.commands.execute(new OpenRetrospectiveCommand(input, caller));
    return readBack(this.reader.byId(id), `Retrospective ${id}`);
  }
}
