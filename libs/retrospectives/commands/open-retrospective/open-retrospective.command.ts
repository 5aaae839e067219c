import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { OpenRetrospectiveInput } from './open-retrospective.input.js';

/** Answers the id of the retrospective changed. */
export class OpenRetrospectiveCommand extends Command<string> {
  constructor(
    readonly input: OpenRetrospectiveInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
