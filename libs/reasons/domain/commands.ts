import { excerpt, invalidInput, requireCode, requireText } from '#shared';
import { REASON_CATEGORIES, REASON_KINDS, type ReasonCategory, type ReasonKind } from './events.js';

export interface DefineReason {
  readonly type: 'DefineReason';
  readonly code: string;
  readonly label: string;
  readonly category: ReasonCategory;
  readonly kind: ReasonKind;
}

export interface RetireReason {
  readonly type: 'RetireReason';
  readonly code: string;
}

export interface MergeReasons {
  readonly type: 'MergeReasons';
  readonly from: string;
  readonly into: string;
}

/** Seeds the reasons of a new deployment; the service runs it itself at start. */
export interface DefineDefaultCatalog {
  readonly type: 'DefineDefaultCatalog';
}

export type ReasonCommand = DefineReason | RetireReason | MergeReasons | DefineDefaultCatalog;

// The GraphQL inputs' shapes, as plain objects (field names as the contract spells them).

export interface DefineReasonFields {
  readonly code: string;
  readonly label: string;
  readonly category: string;
  readonly kind: string;
}

/** retireReason takes its code as a plain argument. */
export interface RetireReasonFields {
  readonly code: string;
}

export interface MergeReasonsFields {
  readonly from: string;
  readonly into: string;
}

export function parseDefineReasonInput(input: DefineReasonFields): DefineReason {
  const code = requireCode(input.code, 'code', 'a reason code');
  const label = requireText(input.label, 'label', 1, 200);
  if (!(REASON_CATEGORIES as readonly string[]).includes(input.category)) {
    throw invalidInput('category', `category must be one of ${REASON_CATEGORIES.join(', ')}, got "${input.category}"`);
  }
  if (!(REASON_KINDS as readonly string[]).includes(input.kind)) {
    throw invalidInput('kind', `kind must be one of ${REASON_KINDS.join(', ')}, got "${excerpt(input.kind)}"`);
  }
  return {
    type: 'DefineReason',
    code,
    label,
    category: input.category as ReasonCategory,
    kind: input.kind as ReasonKind,
  };
}

export function parseRetireReasonInput(input: RetireReasonFields): RetireReason {
  return { type: 'RetireReason', code: requireCode(input.code, 'code', 'a reason code') };
}

export function parseMergeReasonsInput(input: MergeReasonsFields): MergeReasons {
  return { type: 'MergeReasons', from: requireCode(input.from, 'from', 'a reason code'), into: requireCode(input.into, 'into', 'a reason code') };
}

