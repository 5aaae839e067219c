import type { DomainEvent } from '#shared';

/** WIN and LOSS explain closed deals; REJECTION why sales turned a lead down (PRODUCT §9). */
export const REASON_KINDS = ['WIN', 'LOSS', 'REJECTION'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export const REASON_CATEGORIES = [
  'PRICE',
  'PRODUCT',
  'COMPETITION',
  'TIMING',
  'NO_DECISION',
  'SALES_EXECUTION',
  'LEAD_QUALITY',
  'MESSAGING',
  'RELATIONSHIP',
  'OTHER',
] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export type ReasonDefined = DomainEvent<
  'ReasonDefined',
  { readonly code: string; readonly label: string; readonly category: ReasonCategory; readonly kind: ReasonKind }
>;

export type ReasonRetired = DomainEvent<'ReasonRetired', { readonly code: string }>;

/** Retires `from` and points it at `into`, which counts it from then on. */
export type ReasonsMerged = DomainEvent<'ReasonsMerged', { readonly from: string; readonly into: string }>;

export type ReasonEvent = ReasonDefined | ReasonRetired | ReasonsMerged;
