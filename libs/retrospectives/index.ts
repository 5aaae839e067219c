import type { Projection } from '#projections';
import { retrospectivesProjection } from './read-models/retrospective/retrospective.projection.js';

export * from './domain/index.js';
export * from './read-models/retrospective/retrospective.model.js';
export { RetrospectivesModule } from './retrospectives.module.js';

/** The read models this context feeds from the log. */
export const RETROSPECTIVE_PROJECTIONS: readonly Projection[] = [retrospectivesProjection];
