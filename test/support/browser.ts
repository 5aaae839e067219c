import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: the browser tests never download one (.ci/run installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** Where the browser tests leave their screenshots (gitignored). */
export const SCREENSHOTS = join(process.cwd(), 'test-output', 'page');

export const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/**
 * Headless and quiet: no background requests of Chromium's own (this machine's network is closed,
 * and the page must be seen making none), a fresh profile each run.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'tandem-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: SIZES.desktop,
    timeout: 120_000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A tab and everything it did: each request's URL (WebSockets included), each WebSocket message it sent, and each error it logged. */
export interface Tab {
  readonly page: Page;
  readonly requests: string[];
  /** What the page sent over its WebSockets: a subscription is open once its message has gone. */
  readonly sent: string[];
  readonly errors: string[];
}

/** A new tab: its own sessionStorage, so its own sign-in. Waits are generous: a busy machine is slow, never wrong. */
export async function openTab(browser: Browser): Promise<Tab> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(60_000);
  const requests: string[] = [];
  const sent: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => {
    requests.push(socket.url());
    socket.on('framesent', (frame) => sent.push(String(frame.payload)));
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, requests, sent, errors };
}

/** The requests whose host is not the service's own, 127.0.0.1 at its port. */
export function leftTheHost(requests: readonly string[], serviceUrl: string): string[] {
  const { host } = new URL(serviceUrl);
  return requests.filter((url) => {
    const parsed = new URL(url);
    return parsed.hostname !== '127.0.0.1' || parsed.host !== host;
  });
}

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * axe-core's serious and critical findings on the page as it is. The script goes in through the
 * DevTools protocol, which the page's Content-Security-Policy does not govern (a <script> tag would
 * be refused, as it should be).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const page = globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: AxeResult[] }> }; document: unknown };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** A full-page screenshot at the tab's current size, under test-output/page. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size?.width}x${size?.height}.png`), fullPage: true });
}
