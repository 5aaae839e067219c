import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { expectEventually } from './support/expect-eventually.js';
import { gql } from './support/graphql-client.js';
import { hasChromium, launchBrowser, leftTheHost, openTab, screenshot, seriousAxeViolations, SIZES, type Browser, type Tab } from './support/browser.js';
import { startTestApp, type RunningApp } from './support/test-app.js';
import { TestClock } from './support/test-clock.js';

// The page in a real browser (Debian's Chromium through playwright-core) against the running
// service: built by Vite from the sources, served at / by the service, on data recorded through
// the public GraphQL API under the test's clock. Without /usr/bin/chromium the file is skipped,
// and the run says so at its top (test/browser-notice.mjs).
//
// Q1 enterprise (2026-01-01..03-31, ENT): proposed Jan 5 at 100000.00, endorsed by both leads;
// revised to 120000.00 on Feb 20 and endorsed again. D1 (30000, marketing-sourced, touched by
// both) won Feb 1; D4 (20000, sales-sourced, no marketing touch yet) won Feb 2; D2 (10000) lost
// Feb 3 to Acme over price, D6 (8000) lost Feb 6 to Bolt over price; D3 (50000) open until
// Mar 20. D2's retrospective is concluded; D1's waits for marketing; D4's and D6's are not
// started. Q1 mid-market is proposed and endorsed by nobody yet.
//
// Leads: agreement v1 (answer within 24 h) in force from Feb 21; L1 accepted after 2 h, L2 (below
// the agreement) rejected after 28 h, late. v2 in force from Feb 23: L3 due Feb 24, overdue by
// now; L4 due Feb 26. v3 proposed Feb 25, endorsed by marketing only.

const BUILD_TIMEOUT_MS = 300_000;
const NOW = '2026-02-25T12:00:00.000Z';
const GOAL = 'q1-ent';
const PROPOSED_GOAL = 'q1-mid';
const CRITERIA = [
  { code: 'BUDGET', description: 'Has a budget this year', required: true },
  { code: 'ICP', description: 'Fits the ideal customer profile' },
  { code: 'TIMELINE', description: 'Buys within two quarters' },
];
const FUNNEL = `query ($from: Date!, $to: Date!) { leadFunnel(from: $from, to: $to) {
  handedOff meetingAgreement belowAgreement accepted rejected pending recycled converted won wonRevenue acceptanceRate conversionRate winRate
  responseHoursP50 responseHoursP90 late lateRate byVersion { version handedOff accepted rejected late acceptanceRate } } }`;
const LEADS = '/leads?from=2026-01-01&to=2026-03-31';
const PROGRESS = `query ($id: ID!, $model: AttributionModel) { sharedGoal(id: $id) { progress(model: $model) {
  target wonRevenue wonDeals lostDeals attainment expectedAttainment remaining openPipeline pipelineCoverage winRate requiredCoverage
  credit { team creditedRevenue creditedWins sourcedRevenue influencedRevenue } } } }`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by value
type Json = Record<string, any>;

const describeInBrowser = hasChromium() ? describe : describe.skip;

describeInBrowser('the page in a browser', () => {
  const clock = new TestClock('2026-0105T09:00:00.000Z'.replace('0105', '01-05'));
  let app: RunningApp;
  let webDir: string;
  let browser: Browser;
  let tokens: Readonly<Record<string, string>>;

  const call = async (query: string, variables: Record<string, unknown>, token: string): Promise<Json> => {
    const response = await gql(app.url, query, variables, token);
    if (response.errors !== undefined) throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(response.errors)}`);
    return response.data!;
  };
  const mutate = (name: string, input: Record<string, unknown>, token: string, fields = 'id') =>
    call(`mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`, { input }, token).then(
      (data) => data[name] as Json,
    );

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'tandem-web-'));
    await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--outDir', webDir, '--emptyOutDir', '--logLevel', 'error']);
    // No auth configuration: the service makes its development tokens, which the sign-in offers.
    app = await startTestApp({ AUTH_JWT_SECRET: '' }, undefined, { clock, webDir });
    tokens = app.tandem.devCredentials!.tokens;
    await seed();
    browser = await launchBrowser();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  async function seed(): Promise<void> {
    const { executive, marketing, marketingLead, sales, salesLead } = tokens as Record<string, string>;
    const openDeal = (id: string, source: string, amount: string, openedAt: string, expectedCloseDate: string, segment = 'ENT') =>
      mutate('openDeal', { id, title: `Deal ${id}`, account: `Account ${id}`, segment, source, owner: 'ava', amount, openedAt, expectedCloseDate }, sales);
    const touch = (dealId: string, touchId: string, team: 'MARKETING' | 'SALES', occurredAt: string) =>
      mutate('recordTouch', { dealId, touchId, team, channel: team === 'MARKETING' ? 'webinar' : 'call', occurredAt }, team === 'MARKETING' ? marketing! : sales!);
    const retrospectiveOf = async (dealId: string) => (await mutate('openRetrospective', { dealId }, marketing!))['id'] as string;

    await mutate('proposeSharedGoal', { id: GOAL, name: 'Q1 enterprise', periodStart: '2026-01-01', periodEnd: '2026-03-31', target: '100000.00', segment: 'ENT' }, executive!);
    await mutate('endorseSharedGoal', { goalId: GOAL }, marketingLead!);
    await mutate('endorseSharedGoal', { goalId: GOAL }, salesLead!);

    clock.set('2026-01-10T10:00:00.000Z');
    await openDeal('D1', 'MARKETING', '30000.00', '2026-01-10T10:00:00.000Z', '2026-03-15');
    await touch('D1', 'D1-M1', 'MARKETING', '2026-01-05T10:00:00.000Z');
    await openDeal('D2', 'SALES', '10000.00', '2026-01-10T09:00:00.000Z', '2026-02-28');
    clock.set('2026-01-15T12:00:00.000Z');
    await openDeal('D3', 'SALES', '50000.00', '2026-01-15T10:00:00.000Z', '2026-03-20');
    clock.set('2026-01-25T12:00:00.000Z');
    await touch('D1', 'D1-S1', 'SALES', '2026-01-20T10:00:00.000Z');
    await openDeal('D4', 'SALES', '20000.00', '2026-01-25T09:00:00.000Z', '2026-02-15');
    await openDeal('D6', 'SALES', '8000.00', '2026-01-25T10:00:00.000Z', '2026-02-20');

    clock.set('2026-02-08T12:00:00.000Z');
    await mutate('winDeal', { dealId: 'D1', closedAt: '2026-02-01T10:00:00.000Z' }, sales!);
    await mutate('winDeal', { dealId: 'D4', closedAt: '2026-02-02T10:00:00.000Z' }, sales!);
    await mutate('loseDeal', { dealId: 'D2', reasonCode: 'PRICE_TOO_HIGH', competitor: 'Acme', closedAt: '2026-02-03T10:00:00.000Z' }, sales!);
    await mutate('loseDeal', { dealId: 'D6', reasonCode: 'PRICE_TOO_HIGH', competitor: 'Bolt', closedAt: '2026-02-06T10:00:00.000Z' }, sales!);

    clock.set('2026-02-10T12:00:00.000Z');
    const d2 = await retrospectiveOf('D2');
    await mutate('filePerspective', { retrospectiveId: d2, reasonCodes: ['PRICE_TOO_HIGH', 'UNCLEAR_VALUE'], notes: 'The value story came too late.' }, marketing!);
    await mutate('filePerspective', { retrospectiveId: d2, reasonCodes: ['PRICE_TOO_HIGH'] }, sales!);
    await mutate('concludeRetrospective', { retrospectiveId: d2, agreedReasonCodes: ['PRICE_TOO_HIGH'], summary: 'Priced above Acme.' }, sales!);
    const d1 = await retrospectiveOf('D1');
    await mutate('filePerspective', { retrospectiveId: d1, reasonCodes: ['PRODUCT_FIT', 'TIMELY_FOLLOW_UP'] }, sales!);

    clock.set('2026-02-20T12:00:00.000Z');
    await mutate('reviseGoalTarget', { goalId: GOAL, target: '120000.00', reason: 'Expansion budget approved' }, executive!);
    await mutate('endorseSharedGoal', { goalId: GOAL }, marketingLead!);
    await mutate('endorseSharedGoal', { goalId: GOAL }, salesLead!);
    clock.set('2026-02-21T12:00:00.000Z');
    await mutate('proposeSharedGoal', { id: PROPOSED_GOAL, name: 'Q1 mid-market', periodStart: '2026-01-01', periodEnd: '2026-03-31', target: '40000.00', segment: 'MID' }, executive!);
    await seedLeads();
    clock.set(NOW);
  }

  async function seedLeads(): Promise<void> {
    const { marketing, marketingLead, revops, sales, salesLead } = tokens as Record<string, string>;
    const agreement = async (respondWithinHours: number, endorsers: readonly string[]) => {
      const proposed = await mutate('proposeQualification', { criteria: CRITERIA, minimumMet: 2, respondWithinHours, reviewEveryDays: 90 }, revops!, 'proposal { version }');
      for (const endorser of endorsers) await mutate('endorseQualification', { version: proposed['proposal']['version'] }, endorser, 'version');
    };
    const handOff = (id: string, criteriaMet: readonly string[]) =>
      mutate('handOffLead', { id, account: `Account ${id}`, contact: 'Kim Lee', segment: 'ENT', channel: 'webinar', campaign: 'spring', criteriaMet }, marketing!);

    clock.set('2026-02-21T13:00:00.000Z');
    await agreement(24, [marketingLead!, salesLead!]);
    clock.set('2026-02-21T14:00:00.000Z');
    await handOff('L1', ['BUDGET', 'ICP']);
    await handOff('L2', ['ICP']);
    clock.set('2026-02-21T16:00:00.000Z');
    await mutate('acceptLead', { leadId: 'L1' }, sales!);
    clock.set('2026-02-22T18:00:00.000Z');
    await mutate('rejectLead', { leadId: 'L2', reasonCode: 'NOT_ICP_FIT', note: 'A consultancy, not a buyer.' }, sales!);
    clock.set('2026-02-23T09:00:00.000Z');
    await agreement(24, [marketingLead!, salesLead!]);
    clock.set('2026-02-23T10:00:00.000Z');
    await handOff('L3', ['BUDGET', 'TIMELINE']);
    clock.set('2026-02-25T09:00:00.000Z');
    await handOff('L4', ['BUDGET', 'ICP', 'TIMELINE']);
    clock.set('2026-02-25T10:00:00.000Z');
    await agreement(48, [marketingLead!]);
  }

  /** A new tab, signed in through the development-token picker as the named person. */
  async function signedIn(name: string, path = '/'): Promise<Tab> {
    const tab = await openTab(browser);
    await tab.page.goto(`${app.url}${path}`);
    await tab.page.getByRole('button', { name: `Sign in as ${name}` }).click();
    await tab.page.getByRole('navigation', { name: 'Views' }).waitFor();
    return tab;
  }

  /** What every tab must have kept to: no request off 127.0.0.1, nothing refused by the page's CSP. */
  async function closeChecked(tab: Tab): Promise<void> {
    await tab.page.close();
    expect(leftTheHost(tab.requests, app.url)).toEqual([]);
    expect(tab.errors.filter((error) => /Content.Security.Policy|Refused to/i.test(error))).toEqual([]);
  }

  /** The exact value (a <data> element's) of the figure a <dt> names. */
  const figure = (page: Page, term: string) => page.locator('.figure', { has: page.locator('dt', { hasText: term }) }).locator('data').first();
  /** An attribute of every element the locator finds, in order (the tests' TypeScript has no DOM types). */
  const attributeOfAll = (locator: Locator, name: string) =>
    locator.evaluateAll((nodes, attribute) => nodes.map((node) => (node as unknown as { getAttribute(name: string): string | null }).getAttribute(attribute)), name);
  const creditCell = (page: Page, team: string, column: string) => page.locator(`tr[data-team="${team}"] td[data-column="${column}"] data`);

  it('signs in with a development token and opens the active goal, its link naming it', async () => {
    const tab = await openTab(browser);
    await tab.page.goto(app.url);
    await expect(tab.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in to Tandem');
    await screenshot(tab.page, 'sign-in');
    await tab.page.getByRole('button', { name: 'Sign in as Dev Executive (Executive)' }).click();
    await tab.page.getByRole('heading', { level: 1, name: 'Q1 enterprise' }).waitFor();
    expect(new URL(tab.page.url()).pathname).toBe(`/goals/${GOAL}`);
    await expect(tab.page.getByText('Dev Executive').first().isVisible()).resolves.toBe(true);

    await tab.page.getByRole('button', { name: 'Sign out' }).click();
    await tab.page.getByRole('heading', { level: 1, name: 'Sign in to Tandem' }).waitFor();
    await expect(tab.page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length)).resolves.toBe(0);
    await closeChecked(tab);
  });

  it('refuses a pasted token the service does not accept, saying so beside the field', async () => {
    const tab = await openTab(browser);
    await tab.page.goto(app.url);
    const forged = `${tokens['revops']!.slice(0, -4)}AAAA`;
    await tab.page.getByLabel('Access token').fill(forged);
    await tab.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(tab.page.getByRole('alert').textContent()).resolves.toMatch(/^Please sign in again: /);
    await closeChecked(tab);
  });

  it("shows the goal's figures exactly as the API's progress gives them, under the chosen model", async () => {
    const tab = await signedIn('Dev Executive (Executive)');
    const { page } = tab;
    for (const model of ['SHARED', 'LINEAR']) {
      await page.goto(`${app.url}/goals/${GOAL}${model === 'SHARED' ? '' : `?model=${model}`}`);
      await page.getByRole('heading', { level: 1, name: 'Q1 enterprise' }).waitFor();
      const progress = (await call(PROGRESS, { id: GOAL, model }, tokens['executive']!))['sharedGoal']['progress'] as Json;
      await expect(figure(page, 'Won revenue').getAttribute('value')).resolves.toBe(progress['wonRevenue']);
      await expect(figure(page, 'Won revenue').textContent()).resolves.toBe('$50,000.00');
      await expect(page.locator('.figure', { hasText: 'Won revenue' }).locator('data').nth(1).getAttribute('value')).resolves.toBe(progress['target']);
      await expect(figure(page, 'Attainment').getAttribute('value')).resolves.toBe(String(progress['attainment']));
      await expect(figure(page, 'Remaining').getAttribute('value')).resolves.toBe(progress['remaining']);
      await expect(figure(page, 'Open pipeline').getAttribute('value')).resolves.toBe(progress['openPipeline']);
      await expect(figure(page, 'Pipeline coverage').getAttribute('value')).resolves.toBe(String(progress['pipelineCoverage']));
      await expect(figure(page, 'Win rate').getAttribute('value')).resolves.toBe(String(progress['winRate']));
      for (const credit of progress['credit'] as Json[]) {
        for (const column of ['creditedRevenue', 'creditedWins', 'sourcedRevenue', 'influencedRevenue']) {
          await expect(creditCell(page, credit['team'], column).getAttribute('value')).resolves.toBe(String(credit[column]));
        }
      }
    }
    // The pace chart's figures, each asked of the API as of its moment.
    await page.getByText('The figures behind the chart').click();
    await expect(page.locator('details tbody tr').count()).resolves.toBe(12);
    await closeChecked(tab);
  });

  it('moves the goal view live when a touch recorded through the API changes the progress', async () => {
    const tab = await signedIn('Dev Executive (Executive)', `/goals/${GOAL}`);
    const { page } = tab;
    const influenced = creditCell(page, 'MARKETING', 'influencedRevenue');
    await expect(influenced.getAttribute('value')).resolves.toBe('30000.00');
    await page.evaluate(() => ((globalThis as unknown as { sameDocument: boolean }).sameDocument = true));
    await expectEventually(async () => expect(await page.locator('.as-of').textContent()).toMatch(/live/));

    // Marketing's webinar on Jan 30 reached D4 before it was won: marketing now influenced it.
    await mutate('recordTouch', { dealId: 'D4', touchId: 'D4-M1', team: 'MARKETING', channel: 'webinar', occurredAt: '2026-01-30T10:00:00.000Z' }, tokens['marketing']!);
    const progress = (await call(PROGRESS, { id: GOAL, model: 'SHARED' }, tokens['executive']!))['sharedGoal']['progress'] as Json;
    expect(progress['credit'][0]).toMatchObject({ team: 'MARKETING', influencedRevenue: '50000.00' });

    await expectEventually(async () => expect(await influenced.getAttribute('value')).toBe('50000.00'), { timeoutMs: 60_000, intervalMs: 100 });
    await expect(influenced.textContent()).resolves.toBe('$50,000.00');
    await expect(page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument)).resolves.toBe(true);
    await closeChecked(tab);
  });

  it("lets a marketing user file marketing's perspective from the catalog and shows it", async () => {
    const tab = await signedIn('Dev Marketer (Marketing)', '/retrospectives');
    const { page } = tab;
    await page.getByRole('link', { name: 'Open the retrospective of Deal D1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Retrospective: Deal D1' }).waitFor();
    // Only the reasons of a win are offered for a won deal, and the form is marketing's own.
    await expect(page.getByRole('checkbox', { name: /Price too high/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: "File Sales's perspective" }).count()).resolves.toBe(0);

    // Filing with no reason: the API's refusal is shown in words beside the form.
    await page.getByRole('button', { name: "File Marketing's perspective" }).click();
    const refusal = page.locator('form').getByRole('alert');
    await expect(refusal.textContent()).resolves.toMatch(/reason/i);

    await page.getByRole('checkbox', { name: /Relevant content/ }).check();
    await page.getByRole('checkbox', { name: /Qualified lead/ }).check();
    await page.getByLabel('Notes (optional)').fill('The webinar series brought them in.');
    await page.getByRole('button', { name: "File Marketing's perspective" }).click();

    const card = page.locator('section.perspective[data-team="MARKETING"]');
    await expectEventually(async () => expect(await card.locator('.tags li').allTextContents()).toEqual(['Relevant content', 'Qualified lead']));
    await expect(card.textContent()).resolves.toContain('The webinar series brought them in.');
    const retrospective = (await call('{ deal(id: "D1") { retrospective { perspectives { team author reasons { code } } } } }', {}, tokens['marketing']!))['deal'][
      'retrospective'
    ] as Json;
    expect(retrospective['perspectives']).toContainEqual({ team: 'MARKETING', author: 'dev-marketing', reasons: [{ code: 'RELEVANT_CONTENT' }, { code: 'QUALIFIED_LEAD' }] });
    await closeChecked(tab);
  });

  it("offers a goal's endorsement only to a lead, for the lead's own team: never marketing's to sales", async () => {
    const seller = await signedIn('Dev Seller (Sales)', `/goals/${PROPOSED_GOAL}`);
    await seller.page.getByRole('heading', { level: 1, name: 'Q1 mid-market' }).waitFor();
    await seller.page.getByRole('heading', { name: 'Endorsements' }).waitFor();
    await expect(seller.page.getByRole('button', { name: /endorse/i }).count()).resolves.toBe(0);
    await closeChecked(seller);

    const salesLead = await signedIn('Dev Sales Lead (Sales lead)', `/goals/${PROPOSED_GOAL}`);
    await salesLead.page.getByRole('heading', { name: 'Endorsements' }).waitFor();
    await expect(salesLead.page.getByRole('button', { name: /endorse/i }).allTextContents()).resolves.toEqual(['Endorse as Sales lead']);
    await expect(salesLead.page.getByRole('button', { name: /marketing/i }).count()).resolves.toBe(0);
    await closeChecked(salesLead);

    const marketingLead = await signedIn('Dev Marketing Lead (Marketing lead)', `/goals/${PROPOSED_GOAL}`);
    await marketingLead.page.getByRole('button', { name: 'Endorse as Marketing lead' }).click();
    await expectEventually(async () =>
      expect(await marketingLead.page.locator('li[data-team="MARKETING"]').textContent()).toMatch(/endorsed by dev-marketing-lead/),
    );
    await expect(marketingLead.page.getByRole('button', { name: /endorse/i }).count()).resolves.toBe(0);
    await closeChecked(marketingLead);
  });

  it("shows the lead funnel exactly as the API's leadFunnel gives it, per version of the agreement", async () => {
    const tab = await signedIn('Dev Executive (Executive)', LEADS);
    const { page } = tab;
    await page.locator('.figure').first().waitFor();
    const funnel = (await call(FUNNEL, { from: '2026-01-01', to: '2026-03-31' }, tokens['executive']!))['leadFunnel'] as Json;
    expect(funnel).toMatchObject({ handedOff: 4, accepted: 1, rejected: 1, pending: 2, late: 2, belowAgreement: 1 });
    // Each figure's exact values, in the order shown; a null (no answer yet) is shown in words, not as a figure.
    const shown: Record<string, readonly string[]> = {
      'Handed off': ['handedOff', 'meetingAgreement', 'belowAgreement'],
      Acceptance: ['acceptanceRate', 'accepted', 'rejected', 'pending'],
      'Response time': ['responseHoursP50', 'responseHoursP90'],
      Late: ['late', 'lateRate'],
      Converted: ['converted', 'conversionRate', 'recycled'],
      Won: ['wonRevenue', 'won', 'winRate'],
    };
    for (const [term, fields] of Object.entries(shown)) {
      const figures = page.locator('.figure', { has: page.locator('dt', { hasText: term }) }).locator('data');
      const values = await attributeOfAll(figures, 'value');
      expect({ term, values }).toEqual({ term, values: fields.filter((field) => funnel[field] !== null).map((field) => String(funnel[field])) });
    }
    expect(funnel['byVersion']).toHaveLength(2);
    for (const row of funnel['byVersion'] as Json[]) {
      for (const column of ['handedOff', 'accepted', 'rejected', 'late', 'acceptanceRate']) {
        const cell = page.locator(`tr[data-version="${row['version']}"] td[data-column="${column}"]`);
        if (row[column] === null) await expect(cell.textContent()).resolves.toBe('n/a');
        else await expect(cell.locator('data').getAttribute('value')).resolves.toBe(String(row[column]));
      }
    }
    await closeChecked(tab);
  });

  it("shows sales' inbox with the overdue lead first, and a new handoff live", async () => {
    const tab = await signedIn('Dev Seller (Sales)', LEADS);
    const { page } = tab;
    const rows = page.locator('table.inbox tbody tr');
    await rows.first().waitFor();
    const inbox = (await call('{ leadInbox { id overdue } }', {}, tokens['sales']!))['leadInbox'] as Json[];
    expect(inbox).toEqual([
      { id: 'L3', overdue: true },
      { id: 'L4', overdue: false },
    ]);
    await expect(attributeOfAll(rows, 'data-lead')).resolves.toEqual(['L3', 'L4']);
    await expect(rows.first().getByText('Overdue').isVisible()).resolves.toBe(true);
    await expect(page.locator('#inbox-heading ~ .as-of').textContent()).resolves.toBe('Live');
    // leadHandedOff sends nothing until a handoff: the subscription is open once the page has asked for it.
    await expectEventually(async () => expect(tab.sent.some((message) => message.includes('leadHandedOff'))).toBe(true));

    await mutate('handOffLead', { id: 'L5', account: 'Account L5', segment: 'ENT', channel: 'event', criteriaMet: ['BUDGET', 'ICP'] }, tokens['marketing']!);
    await expectEventually(async () => expect(await attributeOfAll(rows, 'data-lead')).toEqual(['L3', 'L4', 'L5']), {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    await closeChecked(tab);
  });

  it("offers the agreement's endorsement only to a lead of a team that has not endorsed it: never marketing's to sales", async () => {
    for (const name of ['Dev Seller (Sales)', 'Dev Marketing Lead (Marketing lead)']) {
      const tab = await signedIn(name, LEADS);
      await tab.page.getByRole('heading', { name: 'Awaiting endorsement: version 3' }).waitFor();
      await expect(tab.page.locator('li[data-team="MARKETING"]').last().textContent()).resolves.toMatch(/endorsed by dev-marketing-lead/);
      await expect(tab.page.getByRole('button', { name: /endorse/i }).count()).resolves.toBe(0);
      await closeChecked(tab);
    }
    const salesLead = await signedIn('Dev Sales Lead (Sales lead)', LEADS);
    await salesLead.page.getByRole('heading', { name: 'Awaiting endorsement: version 3' }).waitFor();
    await expect(salesLead.page.getByRole('button', { name: /endorse/i }).allTextContents()).resolves.toEqual(['Endorse version 3 as Sales lead']);
    await closeChecked(salesLead);
  });

  const VIEWS: readonly (readonly [string, string, string])[] = [
    ['goal', `/goals/${GOAL}`, 'Q1 enterprise'],
    ['scoreboard', '/scoreboard?from=2026-01-01&to=2026-03-31', 'Scoreboard'],
    ['reasons', '/reasons?kind=LOSS&from=2026-02-01&to=2026-02-28&reason=PRICE_TOO_HIGH', 'Why deals are lost'],
    ['retrospectives', '/retrospectives', 'Retrospectives'],
    ['leads', LEADS, 'Leads'],
  ];

  it('has no serious or critical axe-core violation in any view, at either size, and screenshots each', async () => {
    const tab = await signedIn('Dev Marketing Lead (Marketing lead)');
    const { page } = tab;
    const pendingRetrospective = (await call('{ deal(id: "D1") { retrospective { id } } }', {}, tokens['marketing']!))['deal']['retrospective']['id'] as string;
    const views = [...VIEWS, ['retrospective', `/retrospectives/${pendingRetrospective}`, 'Retrospective: Deal D1'] as const];
    for (const [name, size] of Object.entries(SIZES)) {
      await page.setViewportSize(size);
      for (const [view, path, heading] of views) {
        await page.goto(`${app.url}${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await expectEventually(async () => expect(await page.getByRole('status').count()).toBe(0));
        if (view === 'goal' || view === 'leads') await page.locator('.chart canvas').first().waitFor();
        const violations = await seriousAxeViolations(page);
        expect({ view, size: name, violations }).toEqual({ view, size: name, violations: [] });
        await screenshot(page, view);
      }
    }
    await closeChecked(tab);
  });

  it('answers a view it does not have, and a missing retrospective, in words', async () => {
    const tab = await signedIn('Dev Seller (Sales)', '/nowhere/at/all');
    await tab.page.getByRole('heading', { level: 1, name: 'Nothing here' }).waitFor();
    await tab.page.goto(`${app.url}/retrospectives/missing-one`);
    // The view asks the API after it renders: wait for its answer, not for the first paint.
    await tab.page.getByText('There is no retrospective “missing-one”.').waitFor();
    await closeChecked(tab);
  });
});
