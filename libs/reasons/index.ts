import { reasonsProjection } from './read-models/reason/reason.projection.js';

export * from './domain/index.js';
export { ReasonCatalogSource } from './application/reason-catalog.js';
export { Reason, ReasonKindEnum } from './read-models/reason/reason.model.js';
export { REASONS_PROJECTION, reasonsProjection } from './read-models/reason/reason.projection.js';
export { reasonLoader, survivingReason } from './read-models/reason/reason-loader.js';
export { ReasonsReader, type ReasonRow } from './read-models/reason/reasons.reader.js';
export { ReasonsModule } from './reasons.module.js';

/** The read models this context feeds from the log. */
export const REASON_PROJECTIONS = [reasonsProjection];
