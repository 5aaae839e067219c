import type { Projection } from '#projections';
import { DEAL_PROJECTIONS } from '#deals';
import { GOAL_PROJECTIONS } from '#goals';
import { INSIGHT_PROJECTIONS } from '#insights';
import { LEAD_PROJECTIONS } from '#leads';
import { REASON_PROJECTIONS } from '#reasons';
import { RETROSPECTIVE_PROJECTIONS } from '#retrospectives';

/** Every read model of the service, in the order they are set up. */
export const PROJECTIONS: readonly Projection[] = [
  ...REASON_PROJECTIONS,
  ...DEAL_PROJECTIONS,
  ...GOAL_PROJECTIONS,
  ...RETROSPECTIVE_PROJECTIONS,
  ...INSIGHT_PROJECTIONS,
  ...LEAD_PROJECTIONS,
];
