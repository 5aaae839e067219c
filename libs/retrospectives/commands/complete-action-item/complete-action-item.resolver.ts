import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Retrospective } from '../../read-models/retrospective/retrospective.model.js';
import { RetrospectivesReader, type RetrospectiveRow } from '../../read-models/retrospective/retrospectives.reader.js';
import { CompleteActionItemCommand } from './complete-action-item.command.js';
import { CompleteActionItemInput } from './complete-action-item.input.js';

@Resolver(() => Retrospective)
export class CompleteActionItemResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: RetrospectivesReader,
  ) {}

  @Mutation(() => Retrospective)
  async completeActionItem(@Args('input') input: CompleteActionItemInput, @CurrentCaller() caller: Caller): Promise<RetrospectiveRow> {
    const id = await this.commands.execute(new CompleteActionItemCommand(input, caller));
    return readBack(this.reader.byId(id), `Retrospective ${id}`);
  }
}
