// layer-order: projections are built on the event store, not the other way round.
export type { Projection } from '#projections';
