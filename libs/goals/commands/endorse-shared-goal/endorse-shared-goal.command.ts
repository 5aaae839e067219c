import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { EndorseSharedGoalInput } from './endorse-shared-goal.input.js';

/** Answers the id of the goal changed. */
export class EndorseSharedGoalCommand extends Command<string> {
  constructor(
    readonly input: EndorseSharedGoalInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
