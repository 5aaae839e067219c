import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { DomainError } from '#shared';
import { bearerToken, ensureDevCredentials, TokenVerifier } from './index.js';

const SECRET = 'a-test-secret-that-is-long-enough-1234';

async function sign(claims: Record<string, unknown>, options: { secret?: string; exp?: string | number } = {}) {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (options.exp !== undefined) jwt = jwt.setExpirationTime(options.exp);
  else jwt = jwt.setExpirationTime('1h');
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

async function refusal(verifier: TokenVerifier, token: string): Promise<DomainError> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('UNAUTHENTICATED');
  return error as DomainError;
}

describe('TokenVerifier', () => {
  const verifier = new TokenVerifier({ secret: SECRET });

  it('turns valid claims into an actor', async () => {
    const token = await sign({ sub: 'ana', team: 'MARKETING', lead: true, name: 'Ana' });
    await expect(verifier.verify(token)).resolves.toEqual({ id: 'ana', team: 'MARKETING', lead: true, name: 'Ana' });
  });

  it('treats a missing lead claim as not a lead', async () => {
    const token = await sign({ sub: 'bo', team: 'SALES' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'bo', team: 'SALES', lead: false });
  });

  it('keeps accepting a verified token until its exp, then refuses it, whatever it remembered', async () => {
    // Given a token valid for one more second, verified once (and so kept)
    const token = await sign({ sub: 'ana', team: 'SALES' }, { exp: Math.floor(Date.now() / 1000) + 1 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'ana' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'ana' });

    // Then once it has expired it is refused (polled: no fixed sleep)
    const deadline = Date.now() + 10_000;
    let refused: unknown;
    while (refused === undefined && Date.now() < deadline) {
      refused = await verifier.verify(token).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      if (refused === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', message: 'The token has expired' });
  });

  it('verifies every token again when it keeps none, and keeps only so many', async () => {
    const keepsNone = new TokenVerifier({ secret: SECRET, cachedTokens: 0 });
    const keepsOne = new TokenVerifier({ secret: SECRET, cachedTokens: 1 });
    const [first, second] = [await sign({ sub: 'a', team: 'SALES' }), await sign({ sub: 'b', team: 'MARKETING' })];
    for (const current of [keepsNone, keepsOne]) {
      await expect(current.verify(first)).resolves.toMatchObject({ id: 'a' });
      await expect(current.verify(second)).resolves.toMatchObject({ id: 'b' });
      await expect(current.verify(first)).resolves.toMatchObject({ id: 'a' });
    }
  });

  it('refuses an expired token', async () => {
    const token = await sign({ sub: 'bo', team: 'SALES' }, { exp: Math.floor(Date.now() / 1000) - 60 });
    expect((await refusal(verifier, token)).message).toBe('The token has expired');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await sign({ sub: 'bo', team: 'SALES' }, { secret: 'another-secret-that-is-long-enough-xyz' });
    expect((await refusal(verifier, token)).message).toBe('The token signature is not valid');
  });

  it('refuses a token without exp', async () => {
    const token = await new SignJWT({ sub: 'bo', team: 'SALES' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
    await refusal(verifier, token);
  });

  it.each([
    [{ team: 'SALES' }, 'The token has no sub claim'],
    [{ sub: 'x', team: 'FINANCE' }, "The token's team claim must be one of MARKETING, SALES, EXECUTIVE, REVOPS"],
    [{ sub: 'x', team: 'SALES', lead: 'yes' }, "The token's lead claim must be a boolean"],
  ])('refuses claims %j', async (claims, message) => {
    expect((await refusal(verifier, await sign(claims))).message).toBe(message);
  });

  it('checks issuer and audience when configured', async () => {
    const strict = new TokenVerifier({ secret: SECRET, issuer: 'https://id.example', audience: 'tandem' });
    const wrong = await sign({ sub: 'x', team: 'SALES', iss: 'https://other.example', aud: 'tandem' });
    const right = await sign({ sub: 'x', team: 'SALES', iss: 'https://id.example', aud: 'tandem' });
    expect((await refusal(strict, wrong)).message).toBe("The token's iss claim is not accepted");
    await expect(strict.verify(right)).resolves.toMatchObject({ id: 'x' });
  });

  it('refuses garbage', async () => {
    await refusal(verifier, 'not-a-jwt');
  });
});

describe('bearerToken', () => {
  it.each([
    [undefined, undefined],
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['Basic dXNlcg==', ''],
    ['Bearer', ''],
  ])('reads %j as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('ensureDevCredentials', () => {
  it('keeps one secret across starts and writes tokens every team can use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-dev-'));
    const first = await ensureDevCredentials(dir);
    const second = await ensureDevCredentials(dir);
    expect(second.secret).toBe(first.secret);
    expect(statSync(first.secretFile).mode & 0o777).toBe(0o600);
    const tokens = JSON.parse(readFileSync(first.tokensFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(tokens).sort()).toEqual(['executive', 'marketing', 'marketingLead', 'revops', 'sales', 'salesLead']);
    const verifier = new TokenVerifier({ secret: first.secret });
    await expect(verifier.verify(tokens['marketingLead']!)).resolves.toMatchObject({ team: 'MARKETING', lead: true });
    await expect(verifier.verify(tokens['revops']!)).resolves.toMatchObject({ team: 'REVOPS', lead: false });
  });
});
