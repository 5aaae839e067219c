import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { ReviseGoalTargetInput } from './revise-goal-target.input.js';

/** Answers the id of the goal changed. */
export class ReviseGoalTargetCommand extends Command<string> {
  constructor(
    readonly input: ReviseGoalTargetInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
