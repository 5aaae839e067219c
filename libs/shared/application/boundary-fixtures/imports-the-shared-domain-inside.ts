// entry-points-only: the shared domain's entry point is #shared, not libs/shared/domain/index.ts.
export type { Decider } from '../../domain/index.js';
