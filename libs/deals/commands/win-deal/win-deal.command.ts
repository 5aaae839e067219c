import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { WinDealInput } from './win-deal.input.js';

/** Answers the id of the deal changed. */
export class WinDealCommand extends Command<string> {
  constructor(
    readonly input: WinDealInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
