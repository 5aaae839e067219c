import { Module } from '@nestjs/common';
import { ReasonsModule } from '#reasons';
import { InsightsReader } from './read-models/goal-progress/insights.reader.js';
import { ReasonInsightsHandler } from './read-models/reason-insights/reason-insights.query-handler.js';
import { ReasonInsightResolver, ReasonInsightsResolver } from './read-models/reason-insights/reason-insights.resolver.js';
import { ScoreboardHandler } from './read-models/scoreboard/scoreboard.query-handler.js';
import { ScoreboardResolver } from './read-models/scoreboard/scoreboard.resolver.js';

/** Credit for both teams and the reasons that keep coming back, read from the deal and retrospective logs. */
@Module({
  imports: [ReasonsModule],
  providers: [
    InsightsReader,
    // read models
    ScoreboardHandler,
    ScoreboardResolver,
    ReasonInsightsHandler,
    ReasonInsightsResolver,
    ReasonInsightResolver,
  ],
  exports: [InsightsReader],
})
export class InsightsModule {}
