import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { ProposeSharedGoalInput } from './propose-shared-goal.input.js';

/** Answers the id of the goal proposed (or already proposed with the same input). */
export class ProposeSharedGoalCommand extends Command<string> {
  constructor(
    readonly input: ProposeSharedGoalInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
