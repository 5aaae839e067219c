import { Inject, Injectable } from '@nestjs/common';
import { prepared, type SqliteDatabase } from '#sqlite';
import { DAY_MS, type Team } from '#shared';
import { READ_MODEL_DATABASE } from '#shared/application';
import type { QualificationCriterion, QualificationStatus } from '../../domain/index.js';
import { QUALIFICATION_ENDORSEMENTS_TABLE, QUALIFICATION_TABLE, QUALIFICATION_VERSIONS_TABLE } from './qualification.projection.js';

export interface QualificationVersionRow {
  readonly version: number;
  readonly status: QualificationStatus;
  readonly criteria: readonly QualificationCriterion[];
  readonly minimumMet: number;
  readonly respondWithinHours: number;
  readonly reviewEveryDays: number;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly endorsements: readonly { readonly team: Team; readonly by: string; readonly at: string }[];
  readonly activatedAt: string | null;
  readonly supersededAt: string | null;
}

export interface QualificationAgreementRow {
  readonly inForce: QualificationVersionRow | null;
  readonly proposal: QualificationVersionRow | null;
  readonly versions: readonly QualificationVersionRow[];
  readonly lastReviewedAt: string | null;
  readonly reviewDue: boolean;
  readonly version: number;
}

interface StoredVersion {
  version: number;
  status: QualificationStatus;
  criteria: string;
  minimum_met: number;
  respond_within_hours: number;
  review_every_days: number;
  proposed_by: string;
  proposed_at: string;
  activated_at: string | null;
  superseded_at: string | null;
}

interface StoredEndorsement {
  version: number;
  team: Team;
  endorsed_by: string;
  endorsed_at: string;
}

/** Reads the qualification agreement's read model. */
@Injectable()
export class QualificationReader {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase) {}

  /** The agreement with every version; reviewDue as of nowMs. */
  agreement(nowMs: number): QualificationAgreementRow {
    const agreement = prepared(this.db, `SELECT revision, in_force, last_reviewed_at FROM ${QUALIFICATION_TABLE} WHERE id = 1`).get() as
      | { revision: number; in_force: number | null; last_reviewed_at: string | null }
      | undefined;
    const endorsements = prepared(this.db, `SELECT * FROM ${QUALIFICATION_ENDORSEMENTS_TABLE} ORDER BY version, team`).all() as StoredEndorsement[];
    const versions = (prepared(this.db, `SELECT * FROM ${QUALIFICATION_VERSIONS_TABLE} ORDER BY version`).all() as StoredVersion[]).map(
      (stored): QualificationVersionRow => ({
        version: stored.version,
        status: stored.status,
        criteria: JSON.parse(stored.criteria) as QualificationCriterion[],
        minimumMet: stored.minimum_met,
        respondWithinHours: stored.respond_within_hours,
        reviewEveryDays: stored.review_every_days,
        proposedBy: stored.proposed_by,
        proposedAt: stored.proposed_at,
        endorsements: endorsements
          .filter((entry) => entry.version === stored.version)
          .map((entry) => ({ team: entry.team, by: entry.endorsed_by, at: entry.endorsed_at })),
        activatedAt: stored.activated_at,
        supersededAt: stored.superseded_at,
      }),
    );
    const inForce = versions.find((entry) => entry.version === agreement?.in_force) ?? null;
    const lastReviewedAt = inForce === null ? null : (agreement?.last_reviewed_at ?? null);
    return {
      inForce,
      proposal: versions.find((entry) => entry.status === 'PROPOSED') ?? null,
      versions,
      lastReviewedAt,
      reviewDue: inForce !== null && reviewDue(inForce, lastReviewedAt, nowMs),
      version: agreement?.revision ?? -1,
    };
  }
}

/** More than reviewEveryDays since the version was activated or last reviewed. */
export function reviewDue(inForce: Pick<QualificationVersionRow, 'activatedAt' | 'reviewEveryDays'>, lastReviewedAt: string | null, nowMs: number): boolean {
  const since = lastReviewedAt ?? inForce.activatedAt;
  return since !== null && nowMs - Date.parse(since) > inForce.reviewEveryDays * DAY_MS;
}
