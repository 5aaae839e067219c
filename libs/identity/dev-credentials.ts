import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorTeam } from '#shared';
import { issueToken } from './issue-token.js';

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
const SECRET_FILE = 'dev-auth-secret';

/** The development secret a service without auth configuration made in `dataDir`, if it has. */
export function readDevSecret(dataDir: string): string | undefined {
  const file = join(dataDir, SECRET_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/**
 * For development without auth configuration: keeps a random HS256 secret in the data directory
 * (made once, so tokens survive restarts) and writes fresh ready-made tokens for each team.
 */
export async function ensureDevCredentials(
  dataDir: string,
  options: { issuer?: string; audience?: string } = {},
): Promise<DevCredentials> {
  mkdirSync(dataDir, { recursive: true });
  const secretFile = join(dataDir, SECRET_FILE);
  if (!existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  const secret = readFileSync(secretFile, 'utf8').trim();
  const tokens: Record<string, string> = {};
  for (const identity of IDENTITIES) {
    const { key, sub, name, team, lead } = identity;
    tokens[key] = await issueToken(secret, { sub, name, team, lead, lifetime: TOKEN_LIFETIME, ...options });
  }
  const tokensFile = join(dataDir, 'dev-tokens.json');
  writeFileSync(tokensFile, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tokensFile, 0o600);
  return { secret, secretFile, tokensFile, tokens };
}
