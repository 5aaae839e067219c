import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { loadAverage, percentile, type PageFigure } from '../report/figures.js';

/** Debian's Chromium, as the page's browser tests use it: the bench never downloads one. */
export const CHROMIUM = '/usr/bin/chromium';

/** The page `npm run build` puts beside the service, which serves it at `/`. */
const PAGE = fileURLToPath(new URL('../../web/index.html', import.meta.url));

/** Headless and quiet: no requests of Chromium's own to time alongside the page's. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Each sample in a fresh browser context, so nothing but its own sign-in came before it. */
const SAMPLES = 5;
const WAIT_MS = 30_000;

export interface GoalViewOptions {
  /** The service's origin, e.g. http://127.0.0.1:4000. */
  readonly origin: string;
  readonly token: string;
  readonly goalId: string;
  readonly samples?: number;
}

/** Why the figure cannot be measured here, or undefined when it can. */
export function goalViewSkipped(browser = CHROMIUM, page = PAGE): string | undefined {
  if (!existsSync(browser)) return `no browser at ${browser}`;
  if (!existsSync(page)) return 'the page is not built (npm run build)';
  return undefined;
}

/**
 * The goal view's first render as a person sees it: in a tab signed in with the token (through
 * the page's own sign-in form), the goal's link opened and timed from navigation to the goal's
 * figures on screen, the service's answer and the page's own code included.
 */
export async function measureGoalView({ origin, token, goalId, samples = SAMPLES }: GoalViewOptions): Promise<PageFigure> {
  const skipped = goalViewSkipped();
  if (skipped !== undefined) return { skipped };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 120_000 });
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = loadAverage();
  try {
    for (let sample = 0; sample < samples; sample++) {
      try {
        times.push(await firstRender(browser, origin, token, goalId));
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
    }
  } finally {
    await browser.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    samples: times,
    firstMs: times[0] ?? Number.NaN,
    p50Ms: percentile(sorted, 0.5),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    loadAverage: started,
  };
}

async function firstRender(browser: Browser, origin: string, token: string, goalId: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    // Signing in on a path with no view asks the service nothing but the token's check.
    await page.goto(`${origin}/sign-in-for-the-bench`);
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nothing here' }).waitFor();

    const begun = performance.now();
    await page.goto(`${origin}/goals/${encodeURIComponent(goalId)}`, { waitUntil: 'commit' });
    await page.locator('.figure dd data').first().waitFor({ state: 'visible' });
    return performance.now() - begun;
  } finally {
    await context.close();
  }
}
