import type { ReasonCategory, ReasonKind } from './events.js';

export interface DefaultReason {
  readonly code: string;
  readonly label: string;
  readonly category: ReasonCategory;
  readonly kind: ReasonKind;
}

/**
 * The reasons every deployment starts with. A deployment that started before a default was added
 * gets it at its next start: seeding adds only the codes the catalog lacks.
 */
export const DEFAULT_REASONS: readonly DefaultReason[] = [
  { code: 'PRICE_TOO_HIGH', label: 'Price too high', category: 'PRICE', kind: 'LOSS' },
  { code: 'MISSING_FEATURE', label: 'Missing feature', category: 'PRODUCT', kind: 'LOSS' },
  { code: 'LOST_TO_COMPETITOR', label: 'Lost to a competitor', category: 'COMPETITION', kind: 'LOSS' },
  { code: 'BAD_TIMING', label: 'Bad timing', category: 'TIMING', kind: 'LOSS' },
  { code: 'NO_DECISION', label: 'No decision', category: 'NO_DECISION', kind: 'LOSS' },
  { code: 'WEAK_FOLLOW_UP', label: 'Weak follow-up', category: 'SALES_EXECUTION', kind: 'LOSS' },
  { code: 'POOR_LEAD_FIT', label: 'Poor lead fit', category: 'LEAD_QUALITY', kind: 'LOSS' },
  { code: 'UNCLEAR_VALUE', label: 'Unclear value', category: 'MESSAGING', kind: 'LOSS' },
  { code: 'CHAMPION_LEFT', label: 'Champion left', category: 'RELATIONSHIP', kind: 'LOSS' },
  { code: 'BEST_VALUE', label: 'Best value', category: 'PRICE', kind: 'WIN' },
  { code: 'PRODUCT_FIT', label: 'Product fit', category: 'PRODUCT', kind: 'WIN' },
  { code: 'STRONG_RELATIONSHIP', label: 'Strong relationship', category: 'RELATIONSHIP', kind: 'WIN' },
  { code: 'TIMELY_FOLLOW_UP', label: 'Timely follow-up', category: 'SALES_EXECUTION', kind: 'WIN' },
  { code: 'RELEVANT_CONTENT', label: 'Relevant content', category: 'MESSAGING', kind: 'WIN' },
  { code: 'QUALIFIED_LEAD', label: 'Qualified lead', category: 'LEAD_QUALITY', kind: 'WIN' },
  { code: 'NOT_ICP_FIT', label: 'Not our ideal customer', category: 'LEAD_QUALITY', kind: 'REJECTION' },
  { code: 'NO_BUDGET', label: 'No budget', category: 'PRICE', kind: 'REJECTION' },
  { code: 'NO_NEED', label: 'No need', category: 'PRODUCT', kind: 'REJECTION' },
  { code: 'NOT_DECISION_MAKER', label: 'Not a decision maker', category: 'RELATIONSHIP', kind: 'REJECTION' },
  { code: 'NOT_READY', label: 'Not ready to buy', category: 'TIMING', kind: 'REJECTION' },
  { code: 'BAD_CONTACT_DATA', label: 'Bad contact data', category: 'OTHER', kind: 'REJECTION' },
  { code: 'DUPLICATE_LEAD', label: 'Duplicate lead', category: 'OTHER', kind: 'REJECTION' },
  { code: 'ALREADY_IN_PIPELINE', label: 'Already in the pipeline', category: 'OTHER', kind: 'REJECTION' },
];
