/** The roles of PRODUCT §5, as tokens carry them. */
export type ActorTeam = 'MARKETING' | 'SALES' | 'EXECUTIVE' | 'REVOPS';

export interface Claims {
  readonly sub: string;
  readonly name: string | undefined;
  readonly team: ActorTeam;
  readonly lead: boolean;
  /** Seconds since the epoch. */
  readonly exp: number | undefined;
}

const TEAMS: readonly ActorTeam[] = ['MARKETING', 'SALES', 'EXECUTIVE', 'REVOPS'];

/**
 * What a token says about its holder, read from its payload to decide what to offer. Nothing
 * here trusts it: the service verifies every request, and refuses what the role may not do.
 */
export function claimsOf(token: string): Claims | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[1] === undefined) return null;
  let payload: unknown;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (char) => char.charCodeAt(0));
    payload = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const { sub, name, team, lead, exp } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || !TEAMS.includes(team as ActorTeam)) return null;
  return {
    sub,
    name: typeof name === 'string' && name !== '' ? name : undefined,
    team: team as ActorTeam,
    lead: lead === true,
    exp: typeof exp === 'number' ? exp : undefined,
  };
}

const TEAM_NAMES: Record<ActorTeam, string> = { MARKETING: 'Marketing', SALES: 'Sales', EXECUTIVE: 'Executive', REVOPS: 'RevOps' };

export function teamName(team: ActorTeam): string {
  return TEAM_NAMES[team];
}

/** "Marketing's", "Sales'". */
export function teamPossessive(team: ActorTeam): string {
  const name = teamName(team);
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** "Marketing lead", "Sales", "Executive". */
export function roleName(claims: Pick<Claims, 'team' | 'lead'>): string {
  return `${teamName(claims.team)}${claims.lead ? ' lead' : ''}`;
}
