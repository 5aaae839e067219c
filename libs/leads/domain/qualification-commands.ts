import { invalidInput, optionalText, requireCode, requireText } from '#shared';
import type { QualificationCriterion } from './qualification-events.js';

export interface ProposeQualification {
  readonly type: 'ProposeQualification';
  readonly criteria: readonly QualificationCriterion[];
  readonly minimumMet: number;
  readonly respondWithinHours: number;
  readonly reviewEveryDays: number;
}

export interface EndorseQualification {
  readonly type: 'EndorseQualification';
  readonly version: number;
}

export interface ReviewQualification {
  readonly type: 'ReviewQualification';
  readonly note: string | null;
}

export type QualificationCommand = ProposeQualification | EndorseQualification | ReviewQualification;

// The GraphQL inputs' shapes, as plain objects (field names as the contract spells them).

export interface QualificationCriterionFields {
  readonly code: string;
  readonly description: string;
  readonly required?: boolean | null;
}

export interface ProposeQualificationFields {
  readonly criteria: readonly QualificationCriterionFields[];
  readonly minimumMet: number;
  readonly respondWithinHours: number;
  readonly reviewEveryDays: number;
}

export interface EndorseQualificationFields {
  readonly version: number;
}

export interface ReviewQualificationFields {
  readonly note?: string | null;
}

export const MAX_CRITERIA = 20;

export function parseProposeQualificationInput(input: ProposeQualificationFields): ProposeQualification {
  const { criteria } = input;
  if (criteria.length < 1) throw invalidInput('criteria', 'criteria must name at least 1 criterion');
  if (criteria.length > MAX_CRITERIA) throw invalidInput('criteria', `criteria may name at most ${MAX_CRITERIA} criteria, got ${criteria.length}`);
  const seen = new Set<string>();
  const parsed = criteria.map((criterion): QualificationCriterion => {
    const code = requireCode(criterion.code, 'criteria', 'a list of criteria with codes');
    if (seen.has(code)) throw invalidInput('criteria', `criteria names "${code}" more than once; each criterion counts once`);
    seen.add(code);
    return { code, description: requireText(criterion.description, 'criteria', 1, 300), required: criterion.required ?? false };
  });
  return {
    type: 'ProposeQualification',
    criteria: parsed,
    minimumMet: requireWhole(input.minimumMet, 'minimumMet', 1, parsed.length),
    respondWithinHours: requireWhole(input.respondWithinHours, 'respondWithinHours', 1, 720),
    reviewEveryDays: requireWhole(input.reviewEveryDays, 'reviewEveryDays', 7, 365),
  };
}

export function parseEndorseQualificationInput(input: EndorseQualificationFields): EndorseQualification {
  if (!Number.isInteger(input.version) || input.version < 1) {
    throw invalidInput('version', `version must be an agreement version, from 1, got ${input.version}`);
  }
  return { type: 'EndorseQualification', version: input.version };
}

export function parseReviewQualificationInput(input: ReviewQualificationFields): ReviewQualification {
  return { type: 'ReviewQualification', note: optionalText(input.note, 'note', 2000, { multiline: true }) };
}

function requireWhole(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(field, `${field} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}
