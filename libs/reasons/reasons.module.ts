import { Module } from '@nestjs/common';
import { CatalogSeeder } from './application/catalog-seeder.js';
import { ReasonCatalogSource } from './application/reason-catalog.js';
import { DefineReasonHandler } from './commands/define-reason/define-reason.command.js';
import { DefineReasonResolver } from './commands/define-reason/define-reason.resolver.js';
import { MergeReasonsHandler } from './commands/merge-reasons/merge-reasons.command.js';
import { MergeReasonsResolver } from './commands/merge-reasons/merge-reasons.resolver.js';
import { RetireReasonHandler } from './commands/retire-reason/retire-reason.command.js';
import { RetireReasonResolver } from './commands/retire-reason/retire-reason.resolver.js';
import { ReasonResolver } from './read-models/reason/reason.resolver.js';
import { ReasonsReader } from './read-models/reason/reasons.reader.js';

/** The reason catalog: REVOPS changes it, every other context cites it. */
@Module({
  providers: [
    CatalogSeeder,
    ReasonCatalogSource,
    ReasonsReader,
    // commands
    DefineReasonHandler,
    DefineReasonResolver,
    RetireReasonHandler,
    RetireReasonResolver,
    MergeReasonsHandler,
    MergeReasonsResolver,
    // read models
    ReasonResolver,
  ],
  exports: [ReasonCatalogSource, ReasonsReader],
})
export class ReasonsModule {}
