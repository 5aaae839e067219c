import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { MoveDealStageInput } from './move-deal-stage.input.js';

/** Answers the id of the deal changed. */
export class MoveDealStageCommand extends Command<string> {
  constructor(
    readonly input: MoveDealStageInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
