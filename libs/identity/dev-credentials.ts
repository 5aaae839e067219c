import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { ActorTeam } from '#shared';

export interface DevCredentials {
  readonly secret: string;
  readonly secretFile: string;
  readonly tokensFile: string;
  readonly tokens: Readonly<Record<string, string>>;
}

interface DevIdentity {
  readonly key: string;
  readonly sub: string;
  readonly name: string;
  readonly team: ActorTeam;
  readonly lead: boolean;
}

const IDENTITIES: readonly DevIdentity[] = [
  { key: 'marketing', sub: 'dev-marketing', name: 'Dev Marketer', team: 'MARKETING', lead: false },
  { key: 'marketingLead', sub: 'dev-marketing-lead', name: 'Dev Marketing Lead', team: 'MARKETING', lead: true },
  { key: 'sales', sub: 'dev-sales', name: 'Dev Seller', team: 'SALES', lead: false },
  { key: 'salesLead', sub: 'dev-sales-lead', name: 'Dev Sales Lead', team: 'SALES', lead: true },
  { key: 'executive', sub: 'dev-executive', name: 'Dev Executive', team: 'EXECUTIVE', lead: false },
  { key: 'revops', sub: 'dev-revops', name: 'Dev RevOps', team: 'REVOPS', lead: false },
];

const TOKEN_LIFETIME = '30d';

/**
 * For development without auth configuration: keeps a random HS256 secret in the data directory
 * (made once, so tokens survive restarts) and writes fresh ready-made tokens for each team.
 */
export async function ensureDevCredentials(
  dataDir: string,
  options: { issuer?: string; audience?: string } = {},
): Promise<DevCredentials> {
  mkdirSync(dataDir, { recursive: true });
  const secretFile = join(dataDir, 'dev-auth-secret');
  if (!existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  const secret = readFileSync(secretFile, 'utf8').trim();
  const key = new TextEncoder().encode(secret);
  const tokens: Record<string, string> = {};
  for (const identity of IDENTITIES) {
    let jwt = new SignJWT({ team: identity.team, lead: identity.lead, name: identity.name })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(identity.sub)
      .setIssuedAt()
      .setExpirationTime(TOKEN_LIFETIME);
    if (options.issuer) jwt = jwt.setIssuer(options.issuer);
    if (options.audience) jwt = jwt.setAudience(options.audience);
    tokens[identity.key] = await jwt.sign(key);
  }
  const tokensFile = join(dataDir, 'dev-tokens.json');
  writeFileSync(tokensFile, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tokensFile, 0o600);
  return { secret, secretFile, tokensFile, tokens };
}
