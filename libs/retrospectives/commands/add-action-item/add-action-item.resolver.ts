import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Retrospective } from '../../read-models/retrospective/retrospective.model.js';
import { RetrospectivesReader, type RetrospectiveRow } from '../../read-models/retrospective/retrospectives.reader.js';
import { AddActionItemCommand } from './add-action-item.command.js';
import { AddActionItemInput } from './add-action-item.input.js';

@Resolver(() => Retrospective)
export class AddActionItemResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: RetrospectivesReader,
  ) {}

  @Mutation(() => Retrospective)
  async addActionItem(@Args('input') input: AddActionItemInput, @CurrentCaller() caller: Caller): Promise<RetrospectiveRow> {
    const id = await this.commands.execute(new AddActionItemCommand(input, caller));
    return readBack(this.reader.byId(id), `Retrospective ${id}`);
  }
}
