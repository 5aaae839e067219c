import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { MergeReasonsInput } from './merge-reasons.input.js';

/** Answers the code of the reason merged away (`from`), which the mutation returns. */
export class MergeReasonsCommand extends Command<string> {
  constructor(
    readonly input: MergeReasonsInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
