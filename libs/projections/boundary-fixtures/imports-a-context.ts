// layer-order: projections run every context's read models and know none of them.
export type { GoalEvent } from '#goals';
