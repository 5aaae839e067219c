import type { Projection } from '#projections';

/** Every read model of the service, in the order they are set up. */
export const PROJECTIONS: readonly Projection[] = [];
