import { SignJWT } from 'jose';
import type { ActorTeam } from '#shared';

export const TEST_SECRET = 'tandem-test-secret-0123456789abcdef-0123456789';

export interface TestIdentity {
  readonly sub?: string;
  readonly team: ActorTeam;
  readonly lead?: boolean;
  readonly name?: string;
}

export async function tokenFor(identity: TestIdentity, secret = TEST_SECRET): Promise<string> {
  return new SignJWT({ team: identity.team, lead: identity.lead ?? false, ...(identity.name ? { name: identity.name } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.sub ?? `${identity.team.toLowerCase()}${identity.lead ? '-lead' : ''}-user`)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

/** One token per role the permission table of PRODUCT §5 distinguishes. */
export async function teamTokens(): Promise<Record<'marketing' | 'marketingLead' | 'sales' | 'salesLead' | 'executive' | 'revops', string>> {
  return {
    marketing: await tokenFor({ team: 'MARKETING' }),
    marketingLead: await tokenFor({ team: 'MARKETING', lead: true }),
    sales: await tokenFor({ team: 'SALES' }),
    salesLead: await tokenFor({ team: 'SALES', lead: true }),
    executive: await tokenFor({ team: 'EXECUTIVE' }),
    revops: await tokenFor({ team: 'REVOPS' }),
  };
}
