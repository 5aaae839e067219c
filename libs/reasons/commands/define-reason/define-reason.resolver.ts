import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Reason } from '../../read-models/reason/reason.model.js';
import { ReasonsReader, type ReasonRow } from '../../read-models/reason/reasons.reader.js';
import { DefineReasonCommand } from './define-reason.command.js';
import { DefineReasonInput } from './define-reason.input.js';

@Resolver(() => Reason)
export class DefineReasonResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ReasonsReader,
  ) {}

  @Mutation(() => Reason)
  async defineReason(@Args('input') input: DefineReasonInput, @CurrentCaller() caller: Caller): Promise<ReasonRow> {
    const id = await this.commands.execute(new DefineReasonCommand(input, caller));
    return readBack(this.reader.byCode(id), `Reason ${id}`);
  }
}
