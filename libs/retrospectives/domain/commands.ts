import { randomUUID } from 'node:crypto';
import { clientIdOrNew, invalidInput, isTeam, optionalText, parseDate, requireCodes, requireId, requireText, type Team } from '#shared';
import type { ClosureOutcome } from './events.js';

// Facts of other aggregates, resolved by the command layer before deciding.

export interface DealClosureSnapshot {
  /** The deal's closure count at this closure, from 1. */
  readonly closure: number;
  readonly outcome: ClosureOutcome;
  readonly closedAt: string;
}

export interface DealSnapshot {
  readonly id: string;
  readonly status: 'OPEN' | 'WON' | 'LOST';
  readonly closures: number;
  /** Stays set after a reopening: the closure before it. */
  readonly latestClosure: DealClosureSnapshot | null;
}

export interface ReasonSnapshot {
  readonly code: string;
  readonly kind: 'WIN' | 'LOSS' | 'REJECTION';
  readonly retired: boolean;
}

/** The catalog's entry for each code of the command; null (or absent) when the code is unknown. */
export type ReasonSnapshots = Readonly<Record<string, ReasonSnapshot | null>>;

export interface OpenRetrospective {
  readonly type: 'OpenRetrospective';
  readonly retrospectiveId: string;
  readonly dealId: string;
  /** null when the deal does not exist. */
  readonly deal: DealSnapshot | null;
}

export interface FilePerspective {
  readonly type: 'FilePerspective';
  readonly retrospectiveId: string;
  readonly reasonCodes: readonly string[];
  readonly notes: string | null;
  readonly reasons: ReasonSnapshots;
}

export interface AddActionItem {
  readonly type: 'AddActionItem';
  readonly retrospectiveId: string;
  /** Made when parsing, so the response can name the new item. */
  readonly actionItemId: string;
  readonly ownerTeam: Team;
  readonly description: string;
  readonly dueDate: string | null;
}

export interface CompleteActionItem {
  readonly type: 'CompleteActionItem';
  readonly retrospectiveId: string;
  readonly actionItemId: string;
}

export interface ConcludeRetrospective {
  readonly type: 'ConcludeRetrospective';
  readonly retrospectiveId: string;
  readonly agreedReasonCodes: readonly string[];
  readonly summary: string;
  readonly reasons: ReasonSnapshots;
}

export type RetrospectiveCommand =
  | OpenRetrospective
  | FilePerspective
  | AddActionItem
  | CompleteActionItem
  | ConcludeRetrospective;

/** What parsing yields before the command layer adds the snapshots the command needs. */
export type OpenRetrospectiveRequest = Omit<OpenRetrospective, 'deal'>;
export type FilePerspectiveRequest = Omit<FilePerspective, 'reasons'>;
export type ConcludeRetrospectiveRequest = Omit<ConcludeRetrospective, 'reasons'>;

// The GraphQL inputs' shapes, as plain objects (field names as the contract spells them).

export interface OpenRetrospectiveFields {
  readonly id?: string | null;
  readonly dealId: string;
}

export interface FilePerspectiveFields {
  readonly retrospectiveId: string;
  readonly reasonCodes: readonly string[];
  readonly notes?: string | null;
}

export interface AddActionItemFields {
  readonly retrospectiveId: string;
  readonly ownerTeam: string;
  readonly description: string;
  readonly dueDate?: string | null;
}

export interface CompleteActionItemFields {
  readonly retrospectiveId: string;
  readonly actionItemId: string;
}

export interface ConcludeRetrospectiveFields {
  readonly retrospectiveId: string;
  readonly agreedReasonCodes: readonly string[];
  readonly summary: string;
}

const MAX_PERSPECTIVE_REASONS = 10;

export function parseOpenRetrospectiveInput(input: OpenRetrospectiveFields): OpenRetrospectiveRequest {
  return {
    type: 'OpenRetrospective',
    retrospectiveId: clientIdOrNew(input.id, 'id'),
    dealId: requireId(input.dealId, 'dealId'),
  };
}

export function parseFilePerspectiveInput(input: FilePerspectiveFields): FilePerspectiveRequest {
  return {
    type: 'FilePerspective',
    retrospectiveId: requireId(input.retrospectiveId, 'retrospectiveId'),
    reasonCodes: parseReasonCodes(input.reasonCodes, 'reasonCodes', MAX_PERSPECTIVE_REASONS),
    notes: optionalText(input.notes, 'notes', 5000, { multiline: true }),
  };
}

export function parseAddActionItemInput(input: AddActionItemFields): AddActionItem {
  const retrospectiveId = requireId(input.retrospectiveId, 'retrospectiveId');
  if (!isTeam(input.ownerTeam)) {
    throw invalidInput('ownerTeam', `ownerTeam must be MARKETING or SALES, got "${input.ownerTeam}"`);
  }
  return {
    type: 'AddActionItem',
    retrospectiveId,
    actionItemId: randomUUID(),
    ownerTeam: input.ownerTeam,
    description: requireText(input.description, 'description', 1, 500, { multiline: true }),
    dueDate: input.dueDate === undefined || input.dueDate === null ? null : parseDate(input.dueDate, 'dueDate'),
  };
}

export function parseCompleteActionItemInput(input: CompleteActionItemFields): CompleteActionItem {
  return {
    type: 'CompleteActionItem',
    retrospectiveId: requireId(input.retrospectiveId, 'retrospectiveId'),
    actionItemId: requireId(input.actionItemId, 'actionItemId'),
  };
}

export function parseConcludeRetrospectiveInput(input: ConcludeRetrospectiveFields): ConcludeRetrospectiveRequest {
  return {
    type: 'ConcludeRetrospective',
    retrospectiveId: requireId(input.retrospectiveId, 'retrospectiveId'),
    agreedReasonCodes: parseReasonCodes(input.agreedReasonCodes, 'agreedReasonCodes'),
    summary: requireText(input.summary, 'summary', 1, 5000, { multiline: true }),
  };
}

/** 1..max distinct, well-formed codes, in the order given. Whether each exists is decided later. */
function parseReasonCodes(codes: readonly string[], field: string, max = Number.POSITIVE_INFINITY): readonly string[] {
  return requireCodes(codes, field, { min: 1, max, what: 'reason' });
}
