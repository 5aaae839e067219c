import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { LoseDealInput } from './lose-deal.input.js';

/** Answers the id of the deal changed. */
export class LoseDealCommand extends Command<string> {
  constructor(
    readonly input: LoseDealInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
