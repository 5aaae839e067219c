import { DomainError, type Actor } from '#shared';
import { bearerToken, type TokenVerifier } from '#identity';

export interface Authentication {
  readonly actor: Actor | undefined;
  /** Why the caller is not authenticated, when a token was sent and refused. */
  readonly authError: DomainError | undefined;
  /** Until when the token is valid (epoch ms). */
  readonly expiresAt?: number;
}

/** The caller named by an `Authorization: Bearer <token>` value, the same for HTTP and WebSocket. */
export async function authenticate(verifier: TokenVerifier, header: unknown): Promise<Authentication> {
  const token = bearerToken(typeof header === 'string' ? header : undefined);
  if (token === undefined) return { actor: undefined, authError: undefined };
  if (token === '') {
    return { actor: undefined, authError: new DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"') };
  }
  try {
    const { actor, expiresAt } = await verifier.verifyUntil(token);
    return { actor, authError: undefined, expiresAt };
  } catch (error) {
    if (error instanceof DomainError) return { actor: undefined, authError: error };
    throw error;
  }
}
