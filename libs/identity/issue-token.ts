import { SignJWT } from 'jose';
import { ACTOR_TEAMS, type ActorTeam } from '#shared';

export interface TokenRequest {
  readonly team: ActorTeam;
  readonly lead: boolean;
  /** How long it is valid: days, or a jose time span such as '30d'. */
  readonly lifetime: number | string;
  readonly sub: string;
  readonly name?: string;
  readonly issuer?: string;
  readonly audience?: string;
}

/** A token the service accepts, signed HS256 with its secret (PRODUCT §5): the development tokens and `tokens:issue`. */
export async function issueToken(secret: string, request: TokenRequest): Promise<string> {
  let jwt = new SignJWT({ team: request.team, lead: request.lead, ...(request.name ? { name: request.name } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(typeof request.lifetime === 'number' ? `${request.lifetime}d` : request.lifetime);
  if (request.issuer) jwt = jwt.setIssuer(request.issuer);
  if (request.audience) jwt = jwt.setAudience(request.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}

export function teamOf(value: string | undefined): ActorTeam {
  const team = value?.toUpperCase();
  if (team === undefined || !(ACTOR_TEAMS as readonly string[]).includes(team)) {
    throw new Error(`--team must be one of ${ACTOR_TEAMS.join(', ')}${value === undefined ? '' : `, got "${value}"`}`);
  }
  return team as ActorTeam;
}
