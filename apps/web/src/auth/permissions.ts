import type { Claims } from './claims';

type Team = 'MARKETING' | 'SALES';

/**
 * What a role may do (PRODUCT §5): the page offers only these actions. The service decides
 * again on every request; this only keeps a FORBIDDEN button off the screen.
 */
export const may = {
  /** A lead of MARKETING or SALES, for their own team, while their team has not endorsed it. */
  endorseGoal(claims: Claims, goal: { status: string; endorsements: readonly { team: string }[] }): boolean {
    return (
      claims.lead &&
      isTeam(claims.team) &&
      goal.status !== 'CLOSED' &&
      !goal.endorsements.some((endorsement) => endorsement.team === claims.team)
    );
  },
  /** A lead of MARKETING or SALES, for their own team. */
  endorseQualification(claims: Claims, version: { endorsements: readonly { team: string }[] }): boolean {
    return claims.lead && isTeam(claims.team) && !version.endorsements.some((endorsement) => endorsement.team === claims.team);
  },
  /** A lead of MARKETING or SALES, or REVOPS. */
  reviewQualification: (claims: Claims): boolean => (claims.lead && isTeam(claims.team)) || claims.team === 'REVOPS',
  openRetrospective: (claims: Claims): boolean => claims.team !== 'EXECUTIVE',
  /** MARKETING or SALES, for their own team only. */
  filePerspective: (claims: Claims): boolean => isTeam(claims.team),
  concludeRetrospective: (claims: Claims): boolean => claims.team !== 'EXECUTIVE',
  changeActionItems: (claims: Claims): boolean => claims.team !== 'EXECUTIVE',
};

/** The team a person files for, when they are on one of the two. */
export function ownTeam(claims: Claims): Team | null {
  return isTeam(claims.team) ? claims.team : null;
}

function isTeam(team: string): team is Team {
  return team === 'MARKETING' || team === 'SALES';
}
