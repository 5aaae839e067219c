import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { ReviseDealInput } from './revise-deal.input.js';

/** Answers the id of the deal changed. */
export class ReviseDealCommand extends Command<string> {
  constructor(
    readonly input: ReviseDealInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
