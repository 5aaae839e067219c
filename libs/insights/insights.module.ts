import { Module } from '@nestjs/common';
import { GoalsModule } from '#goals';
import { ReasonsModule } from '#reasons';
import { DealFactsReader } from './read-models/deal-facts/deal-facts.reader.js';
import { GoalProgressReader } from './read-models/goal-progress/goal-progress.reader.js';
import { GoalProgressResolver } from './read-models/goal-progress/goal-progress.resolver.js';
import { ReasonInsightsReader } from './read-models/reason-insights/reason-insights.reader.js';
import { ReasonInsightResolver, ReasonInsightsResolver } from './read-models/reason-insights/reason-insights.resolver.js';
import { ScoreboardReader } from './read-models/scoreboard/scoreboard.reader.js';
import { ScoreboardResolver } from './read-models/scoreboard/scoreboard.resolver.js';

/** Credit for both teams, goal progress and the reasons that keep coming back, read from the deal, goal and retrospective logs. */
@Module({
  imports: [GoalsModule, ReasonsModule],
  providers: [
    DealFactsReader,
    // read models
    GoalProgressReader,
    GoalProgressResolver,
    ScoreboardReader,
    ScoreboardResolver,
    ReasonInsightsReader,
    ReasonInsightsResolver,
    ReasonInsightResolver,
  ],
})
export class InsightsModule {}
