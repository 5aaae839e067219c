import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Currency } from '#shared';
import { CallerCommand, CommandRunner, CURRENCY, type Versioned } from '#shared/application';
import { goalAggregate, parseReviseGoalTargetInput, type ReviseGoalTargetFields } from '../../domain/index.js';

/** Answers the id of the goal revised. */
export class ReviseGoalTargetCommand extends CallerCommand<Versioned<ReviseGoalTargetFields>> {}

@CommandHandler(ReviseGoalTargetCommand)
export class ReviseGoalTargetHandler implements ICommandHandler<ReviseGoalTargetCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, caller }: ReviseGoalTargetCommand): Promise<string> {
    const command = parseReviseGoalTargetInput(input, this.currency);
    await this.runner.handle(goalAggregate, command.goalId, command, caller, input.expectedVersion);
    return command.goalId;
  }
}
