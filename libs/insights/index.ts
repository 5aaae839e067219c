import type { Projection } from '#projections';
import { citationsProjection } from './read-models/citations/citations.projection.js';
import { dealFactsProjection } from './read-models/deal-facts/deal-facts.projection.js';

export * from './domain/index.js';
export { InsightsModule } from './insights.module.js';
export { DEAL_FACTS_PROJECTION, dealFactsProjection } from './read-models/deal-facts/deal-facts.projection.js';
export { CITATIONS_PROJECTION, citationsProjection } from './read-models/citations/citations.projection.js';
export { GoalProgressReader, type GoalProgressView, type GoalScope } from './read-models/goal-progress/goal-progress.reader.js';
export { progressFingerprint } from './read-models/goal-progress/goal-progress.resolver.js';
export { ScoreboardReader, type ScoreboardView } from './read-models/scoreboard/scoreboard.reader.js';
export { ReasonInsightsReader, type ReasonReportView } from './read-models/reason-insights/reason-insights.reader.js';

/** The read models this context feeds from the log. */
export const INSIGHT_PROJECTIONS: readonly Projection[] = [dealFactsProjection, citationsProjection];
