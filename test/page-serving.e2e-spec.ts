import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql } from './support/graphql-client.js';
import { startTestApp, type RunningApp } from './support/test-app.js';
import { tokenFor } from './support/tokens.js';

// The service serves the built page at / from the same origin; a small stand-in for Vite's output
// keeps this file independent of the page's build (test/page.e2e-spec.ts drives the real one).
const INDEX = '<!doctype html><html lang="en"><title>Tandem</title><div id="root"></div><script type="module" src="/assets/index-AbC123.js"></script></html>';
const SCRIPT = 'console.log("the page");';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

describe('the page served at /', () => {
  let app: RunningApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'tandem-page-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'index-AbC123.js'), SCRIPT);
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(webDir, '.secret'), 'not for the web');
    app = await startTestApp({}, undefined, { webDir });
  });
  afterAll(async () => {
    await app.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

  it('answers / with index.html, revalidated on every visit, under a policy that allows nothing from other hosts', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it.each(['/goals/q1-ent', '/goals/q1-ent?model=LINEAR', '/scoreboard?from=2026-01-01&to=2026-03-31', '/retrospectives/r-1', '/sign-in'])(
    'answers the page route %s with index.html, so a shared link opens the page',
    async (path) => {
      const response = await get(path, { accept: 'text/html' });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    },
  );

  it('serves hashed assets as immutable, with their own type', async () => {
    const response = await get('/assets/index-AbC123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(await response.text()).toBe(SCRIPT);
  });

  it('revalidates files that are not hashed', async () => {
    const response = await get('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it.each(['/assets/index-Missing.js', '/missing.css', '/.secret', '/assets/../.secret', '/%2e%2e/package.json', '/..%2fpackage.json'])(
    'answers %s with 404, never with the page or a file outside its build',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<!doctype html>');
    },
  );

  it('leaves POST to the page paths to the API, which has no such route', async () => {
    const response = await fetch(`${app.url}/goals/q1`, { method: 'POST' });
    expect(response.status).toBe(404);
  });

  it('keeps GraphQL at /graphql exactly as it was, its CSRF prevention included', async () => {
    const token = await tokenFor({ team: 'SALES' });
    const answered = await gql(app.url, '{ health { status } }', {}, token);
    expect(answered.data).toEqual({ health: { status: 'ok' } });

    // A "simple" cross-site request (no preflight) is refused before it runs.
    const simple = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ health { status } }' }),
    });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF|preflight/i);

    const browsing = await get('/graphql', { accept: 'text/html' });
    expect(await browsing.text()).not.toBe(INDEX);
    expect(browsing.headers.get('content-security-policy')).toBeNull();
  });

  it('keeps /health and /dev-tokens to the API', async () => {
    const health = await get('/health', { accept: 'text/html' });
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
    const tokens = await get('/dev-tokens', { accept: 'text/html' });
    expect(tokens.status).toBe(404);
    expect(tokens.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('serves no page when none is configured', async () => {
    const bare = await startTestApp();
    try {
      expect((await fetch(`${bare.url}/`)).status).toBe(404);
      expect((await fetch(`${bare.url}/goals/q1`)).status).toBe(404);
    } finally {
      await bare.stop();
    }
  });
});
