import type { Projection } from '#projections';
import { dealsProjection } from './read-models/deal/deal.projection.js';

export * from './domain/index.js';
export * from './read-models/deal/deal.model.js';
export { DealsModule } from './deals.module.js';
export { dealLoader } from './read-models/deal/deal-loader.js';
export { DealSource } from './application/deal-source.js';
export { DealsReader, type DealRow } from './read-models/deal/deals.reader.js';

/** The read models this context feeds from the log. */
export const DEAL_PROJECTIONS: readonly Projection[] = [dealsProjection];
