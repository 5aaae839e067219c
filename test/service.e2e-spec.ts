import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorCode, gql } from './support/graphql-client.js';
import { startTestApp, type RunningApp } from './support/test-app.js';
import { tokenFor, TEST_SECRET } from './support/tokens.js';
import { SignJWT } from 'jose';

const HEALTH = '{ health { status eventStore projections { name status } } }';

describe('the service over HTTP', () => {
  let app: RunningApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await tokenFor({ team: 'SALES' });
  });
  afterAll(async () => app.stop());

  it('serves GraphQL at /graphql to an authenticated caller', async () => {
    const response = await gql(app.url, HEALTH, {}, token);
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({ health: { status: 'ok', eventStore: 'sqlite' } });
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    const response = await gql(app.url, HEALTH);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.data).toBeNull();
  });

  it('answers UNAUTHENTICATED for a token signed with another secret', async () => {
    const forged = await tokenFor({ team: 'REVOPS' }, 'some-other-secret-0123456789abcdefghij');
    expect(errorCode(await gql(app.url, HEALTH, {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('answers UNAUTHENTICATED for an expired token', async () => {
    const expired = await new SignJWT({ team: 'SALES' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('late')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(TEST_SECRET));
    const response = await gql(app.url, HEALTH, {}, expired);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toBe('The token has expired');
  });

  it('answers GRAPHQL_VALIDATION_FAILED for an unknown field', async () => {
    expect(errorCode(await gql(app.url, '{ nope }', {}, token))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers GRAPHQL_PARSE_FAILED for a malformed document', async () => {
    expect(errorCode(await gql(app.url, '{ health {', {}, token))).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: HEALTH }, { query: HEALTH }]),
    });
    expect(response.status).toBe(400);
  });

  it('answers 405 naming the methods it takes to another method at /graphql, and 415 to a body that is not JSON', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${app.url}/graphql`, { method, headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, POST');
      expect(((await response.json()) as { message: string }).message).toMatch(/GET or POST/);
    }
    const form = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', authorization: `Bearer ${token}` }, body: 'x' });
    expect(form.status).toBe(415);
    expect(((await form.json()) as { message: string }).message).toMatch(/application\/json/);
  });

  it('refuses a body over 1 MB', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: HEALTH, variables: { padding: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it('refuses a document with more aliases than allowed', async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: health { status }`).join(' ')} }`;
    expect((await gql(app.url, aliases(15), {}, token)).errors).toBeUndefined();
    const response = await gql(app.url, aliases(16), {}, token);
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('refuses a document of more tokens than allowed while parsing it', async () => {
    const long = `{ health { ${'status '.repeat(2100)}} }`;
    const response = await gql(app.url, long, {}, token);
    expect(errorCode(response)).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/2000 tokens/);
  });

  it('accepts a full page of 200 deals with their nested fields, and refuses a document costing more', async () => {
    const deal = 'id title account segment source owner stage status amount currency expectedCloseDate openedAt closedAt competitor closures version';
    const page = (first: number) => `{ deals(first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
      ${deal} lossReason { code label } touches { id team channel campaign occurredAt } history { revision type at actor summary }
      retrospective { id status outcome perspectives { team reasons { code } } agreedReasons { code } } } } } }`;
    expect((await gql(app.url, page(200), {}, token)).errors).toBeUndefined();
    const response = await gql(app.url, `{ a: ${page(200).slice(1, -1)} b: ${page(200).slice(1, -1)} c: ${page(200).slice(1, -1)} }`, {}, token);
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('prices a page size given as a variable as it prices the same literal', async () => {
    const page = (alias: string) => `${alias}: deals(first: $first) { edges { node { id title account amount touches { id team channel occurredAt }
      history { revision type at actor summary } retrospective { id perspectives { team reasons { code label } } } } } }`;
    const four = `query ($first: Int) { ${page('a')} ${page('b')} ${page('c')} ${page('d')} }`;
    expect((await gql(app.url, four, { first: 5 }, token)).errors).toBeUndefined();
    const response = await gql(app.url, four, { first: 200 }, token);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('turns introspection and field suggestions off in production, and keeps them otherwise', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    const misspelt = '{ helth { status } }';
    expect((await gql(app.url, introspect, {}, token)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await gql(app.url, misspelt, {}, token)).errors?.[0]?.message).toMatch(/Did you mean "health"/);

    const production = await startTestApp({ NODE_ENV: 'production' });
    try {
      const refused = await gql(production.url, introspect, {}, token);
      expect(errorCode(refused)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
      const unknown = await gql(production.url, misspelt, {}, token);
      expect(errorCode(unknown)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(unknown.errors?.[0]?.message).not.toMatch(/Did you mean/);
    } finally {
      await production.stop();
    }
  });

  it('reports readiness without a token at GET /health', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});
