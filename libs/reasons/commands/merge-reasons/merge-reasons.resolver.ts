import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Reason } from '../../read-models/reason/reason.model.js';
import { ReasonsReader, type ReasonRow } from '../../read-models/reason/reasons.reader.js';
import { MergeReasonsCommand } from './merge-reasons.command.js';
import { MergeReasonsInput } from './merge-reasons.input.js';

@Resolver(() => Reason)
export class MergeReasonsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ReasonsReader,
  ) {}

  @Mutation(() => Reason)
  async mergeReasons(@Args('input') input: MergeReasonsInput, @CurrentCaller() caller: Caller): Promise<ReasonRow> {
    const id = await this.commands.execute(new MergeReasonsCommand(input, caller));
    return readBack(this.reader.byCode(id), `Reason ${id}`);
  }
}
