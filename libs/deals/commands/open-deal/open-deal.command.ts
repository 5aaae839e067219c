import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { OpenDealInput } from './open-deal.input.js';

/** Answers the id of the deal opened. */
export class OpenDealCommand extends Command<string> {
  constructor(
    readonly input: OpenDealInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
