import { claimsOf, roleName, type Claims } from './claims';

export interface DevToken {
  readonly key: string;
  readonly token: string;
  readonly claims: Claims;
  readonly label: string;
}

/**
 * The development tokens the service made itself (GET /dev-tokens), or none: in production, with
 * auth configuration, or away from the service's machine it refuses, and the picker is not shown.
 */
export async function fetchDevTokens(): Promise<readonly DevToken[]> {
  try {
    const response = await fetch('/dev-tokens', { headers: { accept: 'application/json' } });
    if (!response.ok) return [];
    const tokens = (await response.json()) as Record<string, unknown>;
    return Object.entries(tokens).flatMap(([key, token]) => {
      const claims = typeof token === 'string' ? claimsOf(token) : null;
      return claims === null || typeof token !== 'string'
        ? []
        : [{ key, token, claims, label: `${claims.name ?? claims.sub} (${roleName(claims)})` }];
    });
  } catch {
    return [];
  }
}
