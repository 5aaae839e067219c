import type { Projection } from '#projections';

export * from './domain/index.js';
export * from './read-models/deal/deal.model.js';
export { DealsModule } from './deals.module.js';

/** The read models this context feeds from the log. */
export const DEAL_PROJECTIONS: readonly Projection[] = [];
export { DealsReader, type DealRow } from './read-models/deal/deals.reader.js';
