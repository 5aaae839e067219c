import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { GoalListQuery, GoalViewQuery } from '../../generated/graphql';
import { apiError, fakeApi, pending, renderAs } from '../../testing/render';
import { GoalView, HomeView } from './goal.view';

const GOAL: NonNullable<GoalViewQuery['sharedGoal']> = {
  id: 'q1',
  name: 'Q1 enterprise',
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  target: '120000.00',
  currency: 'USD',
  segment: 'ENT',
  status: 'PROPOSED',
  version: 4,
  endorsements: [{ team: 'MARKETING', by: 'mark', at: '2026-02-20T12:00:00.000Z' }],
  targetHistory: [
    { from: null, to: '100000.00', reason: null, by: 'eve', at: '2026-01-05T09:00:00.000Z' },
    { from: '100000.00', to: '120000.00', reason: 'Expansion budget approved', by: 'eve', at: '2026-02-20T12:00:00.000Z' },
  ],
  progress: {
    asOf: '2026-02-25T12:00:00.000Z',
    model: 'SHARED',
    target: '120000.00',
    wonRevenue: '50000.00',
    wonDeals: 2,
    lostDeals: 1,
    attainment: 0.4166666666666667,
    expectedAttainment: 0.6166666666666667,
    onPace: false,
    remaining: '70000.00',
    openPipeline: '45000.00',
    pipelineCoverage: 0.6428571428571429,
    winRate: 0.6666666666666666,
    requiredCoverage: 1.5,
    credit: [
      { team: 'MARKETING', creditedRevenue: '50000.00', creditedWins: 2, sourcedRevenue: '30000.00', influencedRevenue: '30000.00' },
      { team: 'SALES', creditedRevenue: '50000.00', creditedWins: 2, sourcedRevenue: '20000.00', influencedRevenue: '50000.00' },
    ],
  },
};

const view = (goal: GoalViewQuery['sharedGoal'] = GOAL): GoalViewQuery => ({
  sharedGoals: [{ id: 'q1', name: 'Q1 enterprise', status: 'PROPOSED' }],
  sharedGoal: goal,
});

/** progress(asOf) at each moment asked, as the API would answer it. */
const pace = (variables: Record<string, unknown>) => ({
  sharedGoal: Object.fromEntries([
    ['id', 'q1'],
    ...Array.from({ length: 12 }, (_, index) => [
      `p${index}`,
      { asOf: variables[`a${index}`], target: '100000.00', wonRevenue: '0.00', attainment: 0, expectedAttainment: index / 20 },
    ]),
  ]),
});

describe('the goal view', () => {
  it('says it is loading while the API has not answered', () => {
    renderAs('executive', <GoalView goalId="q1" model="SHARED" />, fakeApi({ GoalView: pending }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading the goal…');
  });

  it("shows the API's error in words, with a way to ask again", async () => {
    let answers = 0;
    const api = fakeApi({ GoalView: () => (answers++ === 0 ? apiError('NETWORK', 'down') : view()), GoalPace: pending });
    renderAs('executive', <GoalView goalId="q1" model="SHARED" />, api);
    expect(await screen.findByRole('alert')).toHaveTextContent('The service could not be reached. Check the connection and try again.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Q1 enterprise' })).toBeInTheDocument();
  });

  it('says so when there is no such goal', async () => {
    renderAs('executive', <GoalView goalId="nope" model="SHARED" />, fakeApi({ GoalView: () => view(null) }));
    expect(await screen.findByText('There is no shared goal “nope”. Pick one above.')).toBeInTheDocument();
  });

  it("shows the API's figures as they are: exact money, and each share with its exact value", async () => {
    const api = fakeApi({ GoalView: () => view(), GoalPace: pending });
    renderAs('executive', <GoalView goalId="q1" model="SHARED" />, api);
    const won = await screen.findByText('$50,000.00', { selector: '.big data' });
    expect(won).toHaveAttribute('value', '50000.00');
    const attainment = screen.getByText('41.7%');
    expect(attainment).toHaveAttribute('value', '0.4166666666666667');
    expect(screen.getByText('Behind pace')).toBeInTheDocument();
    expect(screen.getByText('0.64×')).toHaveAttribute('value', '0.6428571428571429');
    expect(screen.getByText('1.5×')).toBeInTheDocument();
    const sales = screen.getByRole('row', { name: /^Sales/ });
    expect(within(sales).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['$50,000.00', '2', '$20,000.00', '$50,000.00']);
    expect(screen.getByText(/\$100,000\.00 → \$120,000\.00: Expansion budget approved/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading progress across the period…');
    expect(api.calls.find((call) => call.operation === 'GoalView')?.variables).toEqual({ id: 'q1', model: 'SHARED' });
  });

  it('asks progress at twelve moments from the proposal to the service\'s now, and charts them', async () => {
    const api = fakeApi({ GoalView: () => view(), GoalPace: pace });
    renderAs('executive', <GoalView goalId="q1" model="SHARED" />, api);
    expect(await screen.findByRole('img', { name: /Line chart: won revenue as a share of the target at 12 moments/ })).toBeInTheDocument();
    const asked = api.calls.find((call) => call.operation === 'GoalPace')!.variables;
    expect(asked['a0']).toBe('2026-01-05T09:00:00.000Z');
    expect(asked['a11']).toBe('2026-02-25T12:00:00.000Z');
  });

  it('offers a lead the endorsement of their own team only, and shows a refusal beside the button', async () => {
    const api = fakeApi({ GoalView: () => view(), GoalPace: pending, EndorseGoal: () => apiError('CONFLICT', 'The goal changed since version 4') });
    renderAs('salesLead', <GoalView goalId="q1" model="SHARED" />, api);
    const endorse = await screen.findByRole('button', { name: 'Endorse as Sales lead' });
    await userEvent.click(endorse);
    expect(await screen.findByRole('alert')).toHaveTextContent('The goal changed since version 4. Someone may have changed it meanwhile: reload to see the latest.');
    expect(api.calls.find((call) => call.operation === 'EndorseGoal')?.variables).toEqual({ input: { goalId: 'q1', expectedVersion: 4 } });
  });

  it.each(['sales', 'marketingLead', 'executive', 'revops'] as const)('offers %s no endorsement of this goal', async (role) => {
    renderAs(role, <GoalView goalId="q1" model="SHARED" />, fakeApi({ GoalView: () => view(), GoalPace: pending }));
    await screen.findByRole('heading', { name: 'Endorsements' });
    expect(screen.queryByRole('button', { name: /endorse/i })).toBeNull();
  });

  it('asks again when the goal moves live', async () => {
    let answers = 0;
    const api = fakeApi({
      GoalView: () => {
        answers += 1;
        return answers === 1 ? view() : view({ ...GOAL, progress: { ...GOAL.progress, wonRevenue: '65000.00' } });
      },
      GoalPace: pace,
    });
    renderAs('executive', <GoalView goalId="q1" model="SHARED" />, api);
    await screen.findByText('$50,000.00', { selector: '.big data' });
    api.push('GoalLive', { goalProgressChanged: { goalId: 'q1', progress: { asOf: GOAL.progress.asOf } } });
    api.push('GoalLive', { goalProgressChanged: { goalId: 'q1', progress: { asOf: GOAL.progress.asOf } } });
    expect(await screen.findByText('$65,000.00', { selector: '.big data' })).toBeInTheDocument();
    expect(screen.getByText(/updated live \(1\)/)).toBeInTheDocument();
  });
});

describe('the home view', () => {
  const goals = (sharedGoals: GoalListQuery['sharedGoals']): GoalListQuery => ({ sharedGoals });

  it('says it is loading', () => {
    renderAs('executive', <HomeView />, fakeApi({ GoalList: pending }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading the shared goals…');
  });

  it('says there is no goal yet, and who proposes one', async () => {
    renderAs('executive', <HomeView />, fakeApi({ GoalList: () => goals([]) }));
    expect(await screen.findByText(/No shared goal yet/)).toBeInTheDocument();
  });

  it('shows an error in words', async () => {
    renderAs('executive', <HomeView />, fakeApi({ GoalList: () => apiError('INTERNAL_SERVER_ERROR', 'Unexpected error') }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The service failed to answer.');
  });

  it('opens the active goal, its link naming it', async () => {
    renderAs(
      'executive',
      <HomeView />,
      fakeApi({
        GoalList: () =>
          goals([
            { id: 'old', name: 'Q4', status: 'CLOSED', periodStart: '2025-10-01', periodEnd: '2025-12-31' },
            { id: 'q1', name: 'Q1', status: 'ACTIVE', periodStart: '2026-01-01', periodEnd: '2026-03-31' },
          ]),
      }),
    );
    await waitFor(() => expect(window.location.pathname).toBe('/goals/q1'));
  });
});
