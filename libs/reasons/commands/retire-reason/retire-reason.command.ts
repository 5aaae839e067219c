import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';

/** Answers the code of the reason retired. */
export class RetireReasonCommand extends Command<string> {
  constructor(
    readonly code: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
