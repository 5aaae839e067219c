// layer-order: the event store sits below every context.
export type { DealEvent } from '#deals';
