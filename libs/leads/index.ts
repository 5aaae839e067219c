import type { Projection } from '#projections';
import { leadsProjection } from './read-models/lead/lead.projection.js';
import { qualificationProjection } from './read-models/qualification/qualification.projection.js';

export * from './domain/index.js';
export { dealOpening } from './application/deal-opening.js';
export { LeadsModule } from './leads.module.js';
export { LEADS_PROJECTION } from './read-models/lead/lead.projection.js';
export { QUALIFICATION_PROJECTION } from './read-models/qualification/qualification.projection.js';

/** The read models this context feeds from the log. */
export const LEAD_PROJECTIONS: readonly Projection[] = [qualificationProjection, leadsProjection];
