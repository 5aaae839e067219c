import { Module } from '@nestjs/common';
import { InsightsReader } from './read-models/goal-progress/insights.reader.js';

@Module({
  providers: [InsightsReader],
  exports: [InsightsReader],
})
export class InsightsModule {}
