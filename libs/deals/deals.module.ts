import { Module } from '@nestjs/common';
import { ReasonsModule } from '#reasons';
import { DealSource } from './application/deal-source.js';
import { LoseDealHandler } from './commands/lose-deal/lose-deal.command.js';
import { LoseDealResolver } from './commands/lose-deal/lose-deal.resolver.js';
import { MoveDealStageHandler } from './commands/move-deal-stage/move-deal-stage.command.js';
import { MoveDealStageResolver } from './commands/move-deal-stage/move-deal-stage.resolver.js';
import { OpenDealHandler } from './commands/open-deal/open-deal.command.js';
import { OpenDealResolver } from './commands/open-deal/open-deal.resolver.js';
import { RecordTouchHandler } from './commands/record-touch/record-touch.command.js';
import { RecordTouchResolver } from './commands/record-touch/record-touch.resolver.js';
import { ReopenDealHandler } from './commands/reopen-deal/reopen-deal.command.js';
import { ReopenDealResolver } from './commands/reopen-deal/reopen-deal.resolver.js';
import { ReviseDealHandler } from './commands/revise-deal/revise-deal.command.js';
import { ReviseDealResolver } from './commands/revise-deal/revise-deal.resolver.js';
import { WinDealHandler } from './commands/win-deal/win-deal.command.js';
import { WinDealResolver } from './commands/win-deal/win-deal.resolver.js';
import { DealResolver } from './read-models/deal/deal.resolver.js';
import { DealsReader } from './read-models/deal/deals.reader.js';

/** Deals: SALES and REVOPS run them, each team records its own touches, every context reads them. */
@Module({
  imports: [ReasonsModule],
  providers: [
    DealSource,
    DealsReader,
    // commands
    OpenDealHandler,
    OpenDealResolver,
    RecordTouchHandler,
    RecordTouchResolver,
    MoveDealStageHandler,
    MoveDealStageResolver,
    ReviseDealHandler,
    ReviseDealResolver,
    WinDealHandler,
    WinDealResolver,
    LoseDealHandler,
    LoseDealResolver,
    ReopenDealHandler,
    ReopenDealResolver,
    // read models
    DealResolver,
  ],
  exports: [DealSource, DealsReader],
})
export class DealsModule {}
