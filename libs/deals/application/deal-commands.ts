import { Injectable } from '@nestjs/common';
import type { Actor } from '#shared';
import { CommandRunner } from '#shared/application';
import { dealDecider, streamFor, type DealCommand } from '../domain/index.js';

/** Runs a deal command on the deal's stream: decide, append with the revision read, read-your-writes. */
@Injectable()
export class DealCommands {
  constructor(private readonly runner: CommandRunner) {}

  /** Answers the id of the deal changed. */
  async run(command: DealCommand, { actor, correlationId }: { actor: Actor; correlationId: string }, expectedVersion?: number | null): Promise<string> {
    await this.runner.run(dealDecider, {
      stream: streamFor(command.dealId),
      command,
      context: this.runner.context(actor, correlationId),
      expectedVersion: expectedVersion ?? null,
      describe: `Deal "${command.dealId}"`,
    });
    return command.dealId;
  }
}
