// layer-order: deals build on reasons, so reasons do not import deals.
export type { DealEvent } from '#deals';
