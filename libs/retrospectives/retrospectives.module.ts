import { Module } from '@nestjs/common';
import { DealsModule } from '#deals';
import { ReasonsModule } from '#reasons';
import { AddActionItemHandler } from './commands/add-action-item/add-action-item.command.js';
import { AddActionItemResolver } from './commands/add-action-item/add-action-item.resolver.js';
import { CompleteActionItemHandler } from './commands/complete-action-item/complete-action-item.command.js';
import { CompleteActionItemResolver } from './commands/complete-action-item/complete-action-item.resolver.js';
import { ConcludeRetrospectiveHandler } from './commands/conclude-retrospective/conclude-retrospective.command.js';
import { ConcludeRetrospectiveResolver } from './commands/conclude-retrospective/conclude-retrospective.resolver.js';
import { FilePerspectiveHandler } from './commands/file-perspective/file-perspective.command.js';
import { FilePerspectiveResolver } from './commands/file-perspective/file-perspective.resolver.js';
import { OpenRetrospectiveHandler } from './commands/open-retrospective/open-retrospective.command.js';
import { OpenRetrospectiveResolver } from './commands/open-retrospective/open-retrospective.resolver.js';
import {
  DealRetrospectiveResolver,
  PerspectiveResolver,
  RetrospectiveResolver,
} from './read-models/retrospective/retrospective.resolver.js';
import { RetrospectivesReader } from './read-models/retrospective/retrospectives.reader.js';

/** Joint win/loss retrospectives: one per deal closure, a perspective from each team, then a conclusion. */
@Module({
  imports: [ReasonsModule, DealsModule],
  providers: [
    RetrospectivesReader,
    // commands
    OpenRetrospectiveHandler,
    OpenRetrospectiveResolver,
    FilePerspectiveHandler,
    FilePerspectiveResolver,
    AddActionItemHandler,
    AddActionItemResolver,
    CompleteActionItemHandler,
    CompleteActionItemResolver,
    ConcludeRetrospectiveHandler,
    ConcludeRetrospectiveResolver,
    // read models
    RetrospectiveResolver,
    PerspectiveResolver,
    DealRetrospectiveResolver,
  ],
  exports: [RetrospectivesReader],
})
export class RetrospectivesModule {}
