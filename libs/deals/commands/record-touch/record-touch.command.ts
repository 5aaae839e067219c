import { Command } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import type { RecordTouchInput } from './record-touch.input.js';

/** Answers the id of the deal changed. */
export class RecordTouchCommand extends Command<string> {
  constructor(
    readonly input: RecordTouchInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
