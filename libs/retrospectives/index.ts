import type { Projection } from '#projections';

export * from './domain/index.js';
export * from './read-models/retrospective/retrospective.model.js';
export { RetrospectivesModule } from './retrospectives.module.js';

/** The read models this context feeds from the log. */
export const RETROSPECTIVE_PROJECTIONS: readonly Projection[] = [];
