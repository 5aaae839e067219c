import { Module } from '@nestjs/common';
import { InsightsModule } from '#insights';
import { GoalCommands } from './application/goal-commands.js';
import { CloseSharedGoalHandler } from './commands/close-shared-goal/close-shared-goal.handler.js';
import { CloseSharedGoalResolver } from './commands/close-shared-goal/close-shared-goal.resolver.js';
import { EndorseSharedGoalHandler } from './commands/endorse-shared-goal/endorse-shared-goal.handler.js';
import { EndorseSharedGoalResolver } from './commands/endorse-shared-goal/endorse-shared-goal.resolver.js';
import { ProposeSharedGoalHandler } from './commands/propose-shared-goal/propose-shared-goal.handler.js';
import { ProposeSharedGoalResolver } from './commands/propose-shared-goal/propose-shared-goal.resolver.js';
import { ReviseGoalTargetHandler } from './commands/revise-goal-target/revise-goal-target.handler.js';
import { ReviseGoalTargetResolver } from './commands/revise-goal-target/revise-goal-target.resolver.js';
import { GoalsReader } from './read-models/shared-goal/goals.reader.js';
import { GetSharedGoalHandler, ListSharedGoalsHandler } from './read-models/shared-goal/shared-goal.query-handler.js';
import { SharedGoalResolver } from './read-models/shared-goal/shared-goal.resolver.js';

/** Shared goals: EXECUTIVE and REVOPS set the number, both team leads sign it, everyone watches progress. */
@Module({
  imports: [InsightsModule],
  providers: [
    GoalCommands,
    GoalsReader,
    // commands
    ProposeSharedGoalHandler,
    ProposeSharedGoalResolver,
    EndorseSharedGoalHandler,
    EndorseSharedGoalResolver,
    ReviseGoalTargetHandler,
    ReviseGoalTargetResolver,
    CloseSharedGoalHandler,
    CloseSharedGoalResolver,
    // read models
    GetSharedGoalHandler,
    ListSharedGoalsHandler,
    SharedGoalResolver,
  ],
  exports: [GoalsReader],
})
export class GoalsModule {}
