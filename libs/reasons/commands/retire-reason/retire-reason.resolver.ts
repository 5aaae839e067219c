import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { Reason } from '../../read-models/reason/reason.model.js';
import { ReasonsReader, type ReasonRow } from '../../read-models/reason/reasons.reader.js';
import { RetireReasonCommand } from './retire-reason.command.js';

@Resolver(() => Reason)
export class RetireReasonResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ReasonsReader,
  ) {}

  @Mutation(() => Reason)
  async retireReason(@Args('code', { type: () => ID }) code: string, @CurrentCaller() caller: Caller): Promise<ReasonRow> {
    const id = await this.commands.execute(new RetireReasonCommand({ code }, caller));
    return readBack(this.reader.byCode(id), `Reason ${id}`);
  }
}
