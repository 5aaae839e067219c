import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AgreementVersionFragment, InboxLeadFragment, LeadFunnelQuery, QualificationQuery } from '../../generated/graphql';
import { apiError, fakeApi, pending, renderAs, type Handlers } from '../../testing/render';
import { LeadsView } from './leads.view';

const route = { view: 'leads', from: '2026-01-01', to: '2026-03-31' } as const;

const FUNNEL: LeadFunnelQuery['leadFunnel'] = {
  from: '2026-01-01',
  to: '2026-03-31',
  asOf: '2026-02-25T12:00:00.000Z',
  segment: null,
  campaign: null,
  handedOff: 5,
  meetingAgreement: 4,
  belowAgreement: 1,
  accepted: 2,
  rejected: 1,
  pending: 2,
  recycled: 1,
  converted: 1,
  won: 1,
  wonRevenue: '30000.00',
  acceptanceRate: 0.6666666666666666,
  conversionRate: 0.2,
  winRate: 1,
  responseHoursP50: 3.5,
  responseHoursP90: 30.25,
  late: 2,
  lateRate: 0.4,
  rejectionReasons: [{ reason: { code: 'NO_BUDGET', label: 'No budget' }, leads: 1, share: 1 }],
  byVersion: [
    { version: 1, handedOff: 2, accepted: 1, rejected: 1, late: 1, acceptanceRate: 0.5 },
    { version: 2, handedOff: 3, accepted: 1, rejected: 0, late: 1, acceptanceRate: 1 },
  ],
};

const funnel = (overrides: Partial<LeadFunnelQuery['leadFunnel']> = {}): LeadFunnelQuery => ({
  currency: { edges: [{ node: { currency: 'USD' } }] },
  leadFunnel: { ...FUNNEL, ...overrides },
});

const lead = (id: string, respondBy: string, overdue: boolean): InboxLeadFragment => ({
  id,
  account: `Account ${id}`,
  contact: 'Kim',
  segment: 'ENT',
  channel: 'webinar',
  campaign: 'spring',
  handedOffAt: '2026-02-24T09:00:00.000Z',
  respondBy,
  overdue,
  meetsAgreement: !overdue,
  agreementVersion: 2,
  handoffs: 1,
});

const version = (number: number, status: AgreementVersionFragment['status'], endorsed: readonly ('MARKETING' | 'SALES')[]): AgreementVersionFragment => ({
  version: number,
  status,
  proposedAt: '2026-01-02T09:00:00.000Z',
  proposedBy: 'rex',
  activatedAt: status === 'ACTIVE' ? '2026-01-03T09:00:00.000Z' : null,
  minimumMet: 2,
  respondWithinHours: 24,
  reviewEveryDays: 90,
  criteria: [
    { code: 'ICP_FIT', description: 'Fits the ideal customer profile', required: true },
    { code: 'BUDGET', description: 'Has a budget', required: false },
  ],
  endorsements: endorsed.map((team) => ({ team, by: team === 'MARKETING' ? 'mark' : 'sara', at: '2026-01-03T09:00:00.000Z' })),
});

const agreement = (inForce: AgreementVersionFragment | null, proposal: AgreementVersionFragment | null): QualificationQuery => ({
  qualification: { version: 3, reviewDue: true, lastReviewedAt: null, inForce, proposal },
});

const answers = (overrides: Handlers = {}): Handlers => ({
  LeadFunnel: () => funnel(),
  LeadInbox: () => ({ leadInbox: [] }),
  Qualification: () => agreement(version(1, 'ACTIVE', ['MARKETING', 'SALES']), version(2, 'PROPOSED', ['MARKETING'])),
  ...overrides,
});

const section = (name: string) => screen.getByRole('region', { name });

describe('the leads view', () => {
  it('says what it is loading, part by part', () => {
    renderAs('executive', <LeadsView route={route} />, fakeApi({ LeadFunnel: pending, LeadInbox: pending, Qualification: pending }));
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toEqual(['Loading the funnel…', 'Loading the inbox…', 'Loading the agreement…']);
  });

  it("shows the API's error in words beside the part it broke, the others still shown", async () => {
    renderAs('executive', <LeadsView route={route} />, fakeApi(answers({ LeadFunnel: () => apiError('BAD_USER_INPUT', 'to must not be before from') })));
    expect(await within(section('Handoff funnel')).findByRole('alert')).toHaveTextContent('to must not be before from');
    expect(await screen.findByRole('heading', { name: 'In force: version 1' })).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('says when nothing was handed off, nothing awaits sales and there is no agreement yet', async () => {
    renderAs(
      'executive',
      <LeadsView route={{ ...route, segment: 'ENT' }} />,
      fakeApi(answers({ LeadFunnel: () => funnel({ handedOff: 0, segment: 'ENT', byVersion: [] }), Qualification: () => agreement(null, null) })),
    );
    expect(await screen.findByText('No lead was handed off from Jan 1, 2026 – Mar 31, 2026, segment ENT.')).toBeInTheDocument();
    expect(await screen.findByText("No lead awaits sales' answer.")).toBeInTheDocument();
    expect(await screen.findByText(/^No qualification agreement yet/)).toBeInTheDocument();
  });

  it("shows the funnel's figures as the API gives them, per version of the agreement", async () => {
    const api = fakeApi(answers());
    renderAs('marketing', <LeadsView route={{ ...route, campaign: 'spring' }} />, api);
    const funnelSection = section('Handoff funnel');
    const acceptance = await within(funnelSection).findByText('66.7%');
    expect(acceptance).toHaveAttribute('value', '0.6666666666666666');
    expect(within(funnelSection).getByText('3.5 h')).toHaveAttribute('value', '3.5');
    expect(within(funnelSection).getByText('30.25 h')).toBeInTheDocument();
    expect(within(funnelSection).getByText('$30,000.00')).toHaveAttribute('value', '30000.00');
    const versions = within(section('By version of the agreement')).getAllByRole('row').slice(1);
    expect(versions.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['2', '1', '1', '1', '50%'],
      ['3', '1', '0', '1', '100%'],
    ]);
    expect(within(funnelSection).getByRole('img', { name: /Bar chart of the handoffs accepted, rejected and late under each version/ })).toBeInTheDocument();
    expect(within(section('Why sales rejected')).getByRole('row', { name: /No budget/ })).toHaveTextContent('No budgetNO_BUDGET1100%');
    expect(api.calls.find((call) => call.operation === 'LeadFunnel')?.variables).toEqual({ from: '2026-01-01', to: '2026-03-31', segment: null, campaign: 'spring' });
  });

  it("lists sales' inbox with the overdue leads first, and asks again at each new handoff", async () => {
    let asked = 0;
    const inbox = [lead('L-due', '2026-02-26T09:00:00.000Z', false), lead('L-late', '2026-02-27T09:00:00.000Z', true)];
    const api = fakeApi(
      answers({ LeadInbox: () => ({ leadInbox: asked++ === 0 ? inbox : [...inbox, lead('L-new', '2026-02-28T09:00:00.000Z', false)] }) }),
    );
    renderAs('sales', <LeadsView route={route} />, api);
    const table = await within(section("Sales' inbox")).findByRole('table');
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.getAttribute('data-lead'))).toEqual(['L-late', 'L-due']);
    expect(within(within(table).getAllByRole('row')[1]!).getByText('Overdue')).toBeInTheDocument();

    api.push('LeadHandedOff', { leadHandedOff: { id: 'L-new' } });
    expect(await within(table).findByRole('row', { name: /Account L-new/ })).toBeInTheDocument();
    expect(screen.getByText('Updated live (1 new handoff)')).toBeInTheDocument();
    expect(api.calls.find((call) => call.operation === 'LeadInbox')?.variables).toEqual({ first: 50 });
  });

  it('asks the inbox again when the next answer falls due, so an open inbox shows it overdue', async () => {
    const respondBy = new Date(Date.now() + 300).toISOString();
    let asked = 0;
    const api = fakeApi(answers({ LeadInbox: () => ({ leadInbox: [lead('L-due', respondBy, asked++ > 0)] }) }));
    renderAs('sales', <LeadsView route={route} />, api);
    const row = await screen.findByRole('row', { name: /Account L-due/ });
    expect(within(row).queryByText('Overdue')).toBeNull();
    expect(await within(row).findByText('Overdue', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(asked).toBe(2);
  });

  it('offers a lead the endorsement of their own team, and shows a refusal beside the button', async () => {
    const api = fakeApi(answers({ EndorseQualification: () => apiError('CONFLICT', 'Version 2 is not proposed') }));
    renderAs('salesLead', <LeadsView route={route} />, api);
    await userEvent.click(await screen.findByRole('button', { name: 'Endorse version 2 as Sales lead' }));
    expect(await within(section('Awaiting endorsement: version 2')).findByRole('alert')).toHaveTextContent(
      'Version 2 is not proposed. Someone may have changed it meanwhile: reload to see the latest.',
    );
    expect(api.calls.find((call) => call.operation === 'EndorseQualification')?.variables).toEqual({ input: { version: 2 } });
  });

  it('asks the agreement again once the endorsement is recorded', async () => {
    let asked = 0;
    const api = fakeApi(
      answers({
        Qualification: () => (asked++ === 0 ? agreement(null, version(2, 'PROPOSED', ['MARKETING'])) : agreement(version(2, 'ACTIVE', ['MARKETING', 'SALES']), null)),
        EndorseQualification: () => ({ endorseQualification: { version: 5 } }),
      }),
    );
    renderAs('salesLead', <LeadsView route={route} />, api);
    await userEvent.click(await screen.findByRole('button', { name: 'Endorse version 2 as Sales lead' }));
    expect(await screen.findByRole('heading', { name: 'In force: version 2' })).toBeInTheDocument();
    expect(screen.getByText('No version awaits endorsement.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /endorse/i })).toBeNull();
  });

  it.each(['marketingLead', 'marketing', 'sales', 'executive', 'revops'] as const)('offers %s no endorsement of this version', async (role) => {
    renderAs(role, <LeadsView route={route} />, fakeApi(answers()));
    await screen.findByRole('heading', { name: 'Awaiting endorsement: version 2' });
    expect(screen.queryByRole('button', { name: /endorse/i })).toBeNull();
  });

  it('lets a lead record a review of the version in force, and asks the agreement again', async () => {
    let asked = 0;
    const api = fakeApi(
      answers({
        Qualification: () => ({ qualification: { ...agreement(version(1, 'ACTIVE', ['MARKETING', 'SALES']), null).qualification, lastReviewedAt: asked++ === 0 ? null : '2026-02-25T12:00:00.000Z' } }),
        ReviewQualification: () => ({ reviewQualification: { version: 4 } }),
      }),
    );
    renderAs('marketingLead', <LeadsView route={route} />, api);
    await userEvent.type(await screen.findByLabelText('Review note (optional)'), '  Still what we both want.  ');
    await userEvent.click(screen.getByRole('button', { name: 'Record a review' }));
    expect(await screen.findByText(/Last reviewed Feb 25, 2026, 12:00 UTC\./)).toBeInTheDocument();
    expect(api.calls.find((call) => call.operation === 'ReviewQualification')?.variables).toEqual({ input: { note: 'Still what we both want.' } });
  });

  it("shows the API's refusal of a review beside its form", async () => {
    renderAs('revops', <LeadsView route={route} />, fakeApi(answers({ ReviewQualification: () => apiError('CONFLICT', 'No version is in force') })));
    await userEvent.click(await screen.findByRole('button', { name: 'Record a review' }));
    expect(await within(screen.getByRole('form', { name: 'Review the agreement in force' })).findByRole('alert')).toHaveTextContent('No version is in force.');
  });

  it.each(['marketing', 'sales', 'executive'] as const)('offers %s no review of the agreement', async (role) => {
    renderAs(role, <LeadsView route={route} />, fakeApi(answers()));
    await screen.findByRole('heading', { name: 'In force: version 1' });
    expect(screen.queryByRole('button', { name: /review/i })).toBeNull();
  });
});
