import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { DefineReasonInput } from './define-reason.input.js';

/** Answers the code of the reason defined. */
export class DefineReasonCommand extends Command<string> {
  constructor(
    readonly input: DefineReasonInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
