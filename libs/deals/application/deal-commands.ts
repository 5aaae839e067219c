import { Injectable } from '@nestjs/common';
import { AggregateCommands, CommandRunner } from '#shared/application';
import { dealDecider, streamFor, type DealCommand, type DealEvent, type DealStreamState } from '../domain/index.js';

@Injectable()
export class DealCommands extends AggregateCommands<DealCommand, DealEvent, DealStreamState> {
  constructor(runner: CommandRunner) {
    super(runner, dealDecider, ({ dealId }) => ({ id: dealId, stream: streamFor(dealId), describe: `Deal "${dealId}"` }));
  }
}
