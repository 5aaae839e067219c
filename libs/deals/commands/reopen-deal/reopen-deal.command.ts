import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { ReopenDealInput } from './reopen-deal.input.js';

/** Answers the id of the deal changed. */
export class ReopenDealCommand extends Command<string> {
  constructor(
    readonly input: ReopenDealInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
