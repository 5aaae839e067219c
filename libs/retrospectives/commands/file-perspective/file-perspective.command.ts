import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { FilePerspectiveInput } from './file-perspective.input.js';

/** Answers the id of the retrospective changed. */
export class FilePerspectiveCommand extends Command<string> {
  constructor(
    readonly input: FilePerspectiveInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
