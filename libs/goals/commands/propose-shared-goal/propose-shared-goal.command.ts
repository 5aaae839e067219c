import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Currency } from '#shared';
import { CallerCommand, CommandRunner, CURRENCY } from '#shared/application';
import { goalAggregate, parseProposeSharedGoalInput, type ProposeSharedGoalFields } from '../../domain/index.js';

/** Answers the id of the goal proposed. */
export class ProposeSharedGoalCommand extends CallerCommand<ProposeSharedGoalFields> {}

@CommandHandler(ProposeSharedGoalCommand)
export class ProposeSharedGoalHandler implements ICommandHandler<ProposeSharedGoalCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, caller }: ProposeSharedGoalCommand): Promise<string> {
    const command = parseProposeSharedGoalInput(input, this.currency);
    await this.runner.handle(goalAggregate, command.goalId, command, caller);
    return command.goalId;
  }
}
