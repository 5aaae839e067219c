import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { ConcludeRetrospectiveInput } from './conclude-retrospective.input.js';

/** Answers the id of the retrospective changed. */
export class ConcludeRetrospectiveCommand extends Command<string> {
  constructor(
    readonly input: ConcludeRetrospectiveInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
