import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ActorTeam } from '#shared';

/** A fresh HS256 secret for the service of one run. */
export const newSecret = (): string => randomBytes(32).toString('hex');

export type Role = 'marketing' | 'sales' | 'executive' | 'revops';

/** One token per role the load uses, signed as any client's identity provider would. */
export async function roleTokens(secret: string): Promise<Record<Role, string>> {
  const key = new TextEncoder().encode(secret);
  const sign = (sub: string, team: ActorTeam) =>
    new SignJWT({ team, lead: false })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuedAt()
      // A run at 1M events takes a while before its load phase.
      .setExpirationTime('6h')
      .sign(key);
  return {
    marketing: await sign('bench-marketing', 'MARKETING'),
    sales: await sign('bench-sales', 'SALES'),
    executive: await sign('bench-executive', 'EXECUTIVE'),
    revops: await sign('bench-revops', 'REVOPS'),
  };
}
