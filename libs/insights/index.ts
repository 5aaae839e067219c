import type { Projection } from '#projections';
import { citationsProjection } from './read-models/citations/citations.projection.js';
import { dealFactsProjection } from './read-models/deal-facts/deal-facts.projection.js';

export * from './domain/index.js';
export { InsightsModule } from './insights.module.js';

/** The read models this context feeds from the log. */
export const INSIGHT_PROJECTIONS: readonly Projection[] = [dealFactsProjection, citationsProjection];
