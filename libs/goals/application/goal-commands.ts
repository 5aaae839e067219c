import { Injectable } from '@nestjs/common';
import { AggregateCommands, CommandRunner } from '#shared/application';
import { goalDecider, streamFor, type GoalCommand, type GoalEvent, type GoalState } from '../domain/index.js';

@Injectable()
export class GoalCommands extends AggregateCommands<GoalCommand, GoalEvent, GoalState> {
  constructor(runner: CommandRunner) {
    super(runner, goalDecider, ({ goalId }) => ({ id: goalId, stream: streamFor(goalId), describe: `Shared goal "${goalId}"` }));
  }
}
