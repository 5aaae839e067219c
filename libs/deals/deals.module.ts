import { Module } from '@nestjs/common';
import { DealsReader } from './read-models/deal/deals.reader.js';

@Module({
  providers: [DealsReader],
  exports: [DealsReader],
})
export class DealsModule {}
