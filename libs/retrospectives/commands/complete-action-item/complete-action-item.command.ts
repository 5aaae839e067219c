import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { CompleteActionItemInput } from './complete-action-item.input.js';

/** Answers the id of the retrospective changed. */
export class CompleteActionItemCommand extends Command<string> {
  constructor(
    readonly input: CompleteActionItemInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
