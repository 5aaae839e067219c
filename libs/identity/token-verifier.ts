import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ACTOR_TEAMS, DomainError, type Actor, type ActorTeam } from '#shared';

export interface TokenVerifierOptions {
  /** HS256 shared secret. Exclusive with jwksUrl. */
  readonly secret?: string;
  /** URL of a JSON Web Key Set for asymmetric tokens. Exclusive with secret. */
  readonly jwksUrl?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** How many verified tokens are kept until they expire; 10,000 unless set (0 keeps none). */
  readonly cachedTokens?: number;
}

export interface Verified {
  readonly actor: Actor;
  /** The token's exp, in epoch ms. */
  readonly expiresAt: number;
}

const DEFAULT_CACHED_TOKENS = 10_000;

const unauthenticated = (message: string): DomainError => new DomainError('UNAUTHENTICATED', message);

/**
 * Turns a bearer token into the Actor it names, or refuses it with UNAUTHENTICATED. The HS256
 * key is imported once, and a verified token is kept (a bounded number of them, the least recently
 * used going first) until its exp, so a client sending the same token with every request pays
 * for its signature once.
 */
export class TokenVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey;
  private readonly algorithms: string[] | undefined;
  private readonly verified = new Map<string, Verified>();
  private readonly cachedTokens: number;

  constructor(private readonly options: TokenVerifierOptions) {
    this.cachedTokens = options.cachedTokens ?? DEFAULT_CACHED_TOKENS;
    if (options.secret !== undefined) {
      this.key = createSecretKey(new TextEncoder().encode(options.secret));
      this.algorithms = ['HS256'];
    } else if (options.jwksUrl !== undefined) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = undefined;
    } else {
      throw new Error('A token verifier needs a secret or a JWKS URL');
    }
  }

  async verify(token: string): Promise<Actor> {
    return (await this.verifyUntil(token)).actor;
  }

  /** The token's actor, and until when the token is valid (its exp, epoch ms). */
  async verifyUntil(token: string): Promise<Verified> {
    const known = this.verified.get(token);
    if (known !== undefined) {
      this.verified.delete(token);
      if (Date.now() < known.expiresAt) {
        this.verified.set(token, known);
        return known;
      }
    }
    const { actor, payload } = await this.check(token);
    // requiredClaims makes exp present and jose checks it is a number.
    const verified: Verified = { actor, expiresAt: Number(payload.exp) * 1000 };
    if (this.cachedTokens > 0) {
      this.verified.set(token, verified);
      if (this.verified.size > this.cachedTokens) {
        const oldest = this.verified.keys().next().value;
        if (oldest !== undefined) this.verified.delete(oldest);
      }
    }
    return verified;
  }

  private async check(token: string): Promise<{ actor: Actor; payload: JWTPayload }> {
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        ...(this.algorithms ? { algorithms: this.algorithms } : {}),
        ...(this.options.issuer ? { issuer: this.options.issuer } : {}),
        ...(this.options.audience ? { audience: this.options.audience } : {}),
        requiredClaims: ['exp', 'sub'],
      };
      ({ payload } =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, verifyOptions)
          : await jwtVerify(token, this.key, verifyOptions));
    } catch (error) {
      throw unauthenticated(describeJoseError(error));
    }
    return { actor: actorFromClaims(payload), payload };
  }
}

function actorFromClaims(payload: JWTPayload): Actor {
  const { sub, team, lead, name } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || sub.length === 0) throw unauthenticated('The token has no subject (sub)');
  if (typeof team !== 'string' || !(ACTOR_TEAMS as readonly string[]).includes(team)) {
    throw unauthenticated(`The token's team claim must be one of ${ACTOR_TEAMS.join(', ')}`);
  }
  if (lead !== undefined && typeof lead !== 'boolean') throw unauthenticated("The token's lead claim must be a boolean");
  if (name !== undefined && typeof name !== 'string') throw unauthenticated("The token's name claim must be a string");
  return { id: sub, team: team as ActorTeam, lead: lead === true, ...(name ? { name } : {}) };
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.reason === 'missing' ? `The token has no ${error.claim} claim` : `The token's ${error.claim} claim is not accepted`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token was not signed by a known key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWKSTimeout) return 'The signing keys could not be fetched in time';
  return 'The token is not a valid JWT';
}

/** The token of an `Authorization: Bearer <token>` value, or undefined when there is none. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}
