import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { CloseSharedGoalInput } from './close-shared-goal.input.js';

/** Answers the id of the goal changed. */
export class CloseSharedGoalCommand extends Command<string> {
  constructor(
    readonly input: CloseSharedGoalInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
