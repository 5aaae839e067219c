import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql } from './support/graphql-client.js';
import { startTestApp, type RunningApp } from './support/test-app.js';

const HEALTH = '{ health { status } }';

/** A GET with a Host header of the test's choosing (fetch does not let a caller set Host). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = request({ host: target.hostname, port: target.port, path: target.pathname, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('GET /dev-tokens: the page sign-in picker of development tokens', () => {
  describe('when the service made its own development credentials (no auth configuration, not production)', () => {
    let app: RunningApp;

    beforeAll(async () => {
      app = await startTestApp({ AUTH_JWT_SECRET: '' });
    });
    afterAll(async () => app.stop());

    it('serves exactly the tokens it wrote to data/dev-tokens.json, never to be cached', async () => {
      const response = await fetch(`${app.url}/dev-tokens`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const tokens = (await response.json()) as Record<string, string>;
      expect(tokens).toEqual(JSON.parse(readFileSync(join(app.dataDir, 'dev-tokens.json'), 'utf8')));
      expect(Object.keys(tokens).sort()).toEqual(['executive', 'marketing', 'marketingLead', 'revops', 'sales', 'salesLead']);
    });

    it('serves tokens this service accepts', async () => {
      const tokens = (await (await fetch(`${app.url}/dev-tokens`)).json()) as Record<string, string>;
      expect((await gql(app.url, HEALTH, {}, tokens['salesLead'])).data).toEqual({ health: { status: 'ok' } });
    });

    it.each(['localhost', 'localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'tandem.localhost'])('serves them to a browser on this machine at %s', async (host) => {
      expect((await getWithHost(`${app.url}/dev-tokens`, host)).status).toBe(200);
    });

    it.each(['evil.example', 'evil.example:3000', '127.0.0.1.evil.example', '10.0.0.5:3000'])(
      'refuses a request naming another host (%s), as a page that rebinds its name to this machine would',
      async (host) => {
        const response = await getWithHost(`${app.url}/dev-tokens`, host);
        expect(response.status).toBe(403);
        expect(response.body).not.toContain('eyJ');
      },
    );
  });

  describe('when the service has auth configuration', () => {
    let app: RunningApp;

    beforeAll(async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
      // A tokens file left in the data directory by an earlier development run is not served.
      writeFileSync(join(dataDir, 'dev-tokens.json'), JSON.stringify({ revops: 'left-over' }));
      app = await startTestApp({}, dataDir);
    });
    afterAll(async () => app.stop());

    it('refuses with 404 and says why, even with a tokens file in its data directory', async () => {
      const response = await fetch(`${app.url}/dev-tokens`);
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).toMatch(/auth configuration/);
      expect(body).not.toContain('left-over');
    });
  });

  it('refuses in production', async () => {
    const production = await startTestApp({ NODE_ENV: 'production' });
    try {
      expect((await fetch(`${production.url}/dev-tokens`)).status).toBe(404);
    } finally {
      await production.stop();
    }
  });
});
