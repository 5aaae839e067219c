import { Module } from '@nestjs/common';
import { CloseSharedGoalHandler } from './commands/close-shared-goal/close-shared-goal.command.js';
import { CloseSharedGoalResolver } from './commands/close-shared-goal/close-shared-goal.resolver.js';
import { EndorseSharedGoalHandler } from './commands/endorse-shared-goal/endorse-shared-goal.command.js';
import { EndorseSharedGoalResolver } from './commands/endorse-shared-goal/endorse-shared-goal.resolver.js';
import { ProposeSharedGoalHandler } from './commands/propose-shared-goal/propose-shared-goal.command.js';
import { ProposeSharedGoalResolver } from './commands/propose-shared-goal/propose-shared-goal.resolver.js';
import { ReviseGoalTargetHandler } from './commands/revise-goal-target/revise-goal-target.command.js';
import { ReviseGoalTargetResolver } from './commands/revise-goal-target/revise-goal-target.resolver.js';
import { GoalsReader } from './read-models/shared-goal/goals.reader.js';
import { SharedGoalResolver } from './read-models/shared-goal/shared-goal.resolver.js';

/** Shared goals: EXECUTIVE and REVOPS set the number, both team leads sign it. */
@Module({
  providers: [
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
    SharedGoalResolver,
  ],
  exports: [GoalsReader],
})
export class GoalsModule {}
