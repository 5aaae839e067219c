// entry-points-only: #deals/domain resolves, but it is not one of deals' entry points.
export type { DealEvent } from '#deals/domain';
