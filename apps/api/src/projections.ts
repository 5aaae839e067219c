import type { Projection } from '#projections';
import { REASON_PROJECTIONS } from '#reasons';

/** Every read model of the service, in the order they are set up. */
export const PROJECTIONS: readonly Projection[] = [...REASON_PROJECTIONS];
