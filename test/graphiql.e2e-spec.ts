import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { hasChromium, launchBrowser, leftTheHost, openTab, screenshot, type Browser } from './support/browser.js';
import { gql } from './support/graphql-client.js';
import { startTestApp, type RunningApp } from './support/test-app.js';
import { TEST_SECRET } from './support/tokens.js';

// GraphiQL at /graphql for a browser, built by Vite from installed packages (no CDN) and served by
// the service outside production. Driven in Debian's Chromium (skipped with a notice without it).

const BUILD_TIMEOUT_MS = 300_000;

async function buildWeb(): Promise<string> {
  const webDir = mkdtempSync(join(tmpdir(), 'tandem-ide-'));
  await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--outDir', webDir, '--emptyOutDir', '--logLevel', 'error']);
  return webDir;
}

const asBrowser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('GraphiQL at /graphql', () => {
  let webDir: string;
  beforeAll(async () => {
    webDir = await buildWeb();
  }, BUILD_TIMEOUT_MS);
  afterAll(() => rmSync(webDir, { recursive: true, force: true }));

  describe('in production', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startTestApp({ NODE_ENV: 'production', AUTH_JWT_SECRET: TEST_SECRET }, undefined, { webDir });
    });
    afterAll(async () => app?.stop());

    it('is not served: a browser meets the API as any client does', async () => {
      const response = await fetch(`${app.url}/graphql`, { headers: asBrowser });
      expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect(await response.text()).not.toMatch(/GraphiQL/);
    });
  });

  describe('in development', () => {
    let app: RunningApp;
    beforeAll(async () => {
      // No auth configuration: the service makes its development tokens, which the IDE fills in.
      app = await startTestApp({ NODE_ENV: 'development', AUTH_JWT_SECRET: '' }, undefined, { webDir });
    });
    afterAll(async () => app?.stop());

    it('is served to a browser, with a policy that lets nothing load from another host', async () => {
      const response = await fetch(`${app.url}/graphql`, { headers: asBrowser });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(await response.text()).toMatch(/<title>Tandem GraphiQL<\/title>/);
    });

    it('leaves API clients as they were: a GET asking for JSON reaches Apollo', async () => {
      const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      });
      expect(response.headers.get('content-type')).toMatch(/application\/(graphql-response\+)?json/);
    });

    const describeInBrowser = hasChromium() ? describe : describe.skip;
    describeInBrowser('in a browser', () => {
      let browser: Browser;
      beforeAll(async () => {
        browser = await launchBrowser();
      }, BUILD_TIMEOUT_MS);
      afterAll(async () => browser?.close());

      it('loads with no request leaving the machine and runs a query with the development token it filled in', async () => {
        const tab = await openTab(browser);
        const { page } = tab;
        await page.goto(`${app.url}/graphql`);
        await page.locator('.graphiql-container').waitFor();
        // The Headers tab holds the service's own revops token (the editor shows the start of the line).
        const token = app.tandem.devCredentials!.tokens['revops']!;
        await page.locator('.graphiql-editor-tool .CodeMirror-code').filter({ hasText: `Bearer ${token.slice(0, 20)}` }).waitFor();
        await page.locator('.graphiql-execute-button').click();
        const result = page.locator('.result-window');
        await result.filter({ hasText: '"sharedGoals"' }).waitFor();
        expect(await result.innerText()).not.toMatch(/UNAUTHENTICATED|"errors"/);
        await screenshot(page, 'graphiql');
        await page.close();
        expect(leftTheHost(tab.requests, app.url)).toEqual([]);
        expect(tab.errors.filter((error) => /Content.Security.Policy|Refused to/i.test(error))).toEqual([]);
      });

      it('runs a subscription over the WebSocket with the token of its Headers tab', async () => {
        const tab = await openTab(browser);
        const { page } = tab;
        await page.goto(`${app.url}/graphql`);
        await page.locator('.graphiql-container').waitFor();
        // The query editor is the CodeMirror holding the first query GraphiQL shows.
        await page.locator('.CodeMirror', { hasText: 'query Goals' }).waitFor();
        await page.evaluate((query) => {
          type Editor = { CodeMirror: { getValue(): string; setValue(text: string): void } };
          const editors = (globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<Editor> } }).document.querySelectorAll('.CodeMirror');
          const editor = [...editors].find((candidate) => candidate.CodeMirror.getValue().includes('query Goals'))!;
          editor.CodeMirror.setValue(query);
        }, 'subscription Closed { dealClosed { id status } }');
        // GraphiQL has read the new document once its tab bears the operation's name.
        await page.locator('.graphiql-tab', { hasText: 'Closed' }).waitFor();
        await page.locator('.graphiql-execute-button').click();
        // The subscription is open once GraphiQL offers to stop it.
        await page.locator('.graphiql-execute-button[aria-label*="Stop"]').waitFor();

        const dealId = `ide-${randomUUID()}`;
        const sales = app.tandem.devCredentials!.tokens['sales']!;
        const opened = await gql(app.url, 'mutation ($input: OpenDealInput!) { openDeal(input: $input) { id } }', {
          input: { id: dealId, title: 'Live in the IDE', account: 'Kestrel', source: 'SALES', owner: 'ava', amount: '900.00' },
        }, sales);
        expect(opened.errors).toBeUndefined();
        expect((await gql(app.url, 'mutation ($input: WinDealInput!) { winDeal(input: $input) { id } }', { input: { dealId } }, sales)).errors).toBeUndefined();

        await page.locator('.result-window').filter({ hasText: dealId }).waitFor();
        expect(await page.locator('.result-window').innerText()).toMatch(/"status": "WON"/);
        await page.close();
        expect(leftTheHost(tab.requests, app.url)).toEqual([]);
      });
    });
  });
});
