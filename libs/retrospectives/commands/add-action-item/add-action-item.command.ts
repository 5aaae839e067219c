import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { AddActionItemInput } from './add-action-item.input.js';

/** Answers the id of the retrospective changed. */
export class AddActionItemCommand extends Command<string> {
  constructor(
    readonly input: AddActionItemInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
