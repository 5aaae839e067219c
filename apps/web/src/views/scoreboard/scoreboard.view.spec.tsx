import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BoardFragment, ScoreboardAllQuery } from '../../generated/graphql';
import { apiError, fakeApi, pending, renderAs } from '../../testing/render';
import { ScoreboardView } from './scoreboard.view';

const board = (model: BoardFragment['model'], marketing: [string, number], sales: [string, number], won = '57000.00', deals = 3): BoardFragment => ({
  model,
  wonRevenue: won,
  wonDeals: deals,
  credit: [
    { team: 'MARKETING', creditedRevenue: marketing[0], creditedWins: marketing[1], sourcedRevenue: '30000.00', influencedRevenue: '37000.00' },
    { team: 'SALES', creditedRevenue: sales[0], creditedWins: sales[1], sourcedRevenue: '27000.00', influencedRevenue: '30000.00' },
  ],
});

const BOARDS: ScoreboardAllQuery = {
  currency: { edges: [{ node: { currency: 'USD' } }] },
  shared: board('SHARED', ['57000.00', 3], ['57000.00', 3]),
  firstTouch: board('FIRST_TOUCH', ['30000.00', 1], ['27000.00', 2]),
  lastTouch: board('LAST_TOUCH', ['37000.00', 2], ['20000.00', 1]),
  linear: board('LINEAR', ['26000.00', 1.25], ['31000.00', 1.75]),
  uShaped: board('U_SHAPED', ['30500.00', 1.4], ['26500.00', 1.6]),
  wShaped: board('W_SHAPED', ['29333.33', 1.2333333333], ['27666.67', 1.7666666667]),
  timeDecay: board('TIME_DECAY', ['27108.48', 1.305912745], ['29891.52', 1.694087255]),
};

const route = { view: 'scoreboard', from: '2026-01-01', to: '2026-03-31' } as const;

describe('the scoreboard view', () => {
  it('says it is loading', () => {
    renderAs('executive', <ScoreboardView route={route} />, fakeApi({ ScoreboardAll: pending }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading the scoreboard…');
  });

  it('shows the API refusing the period, in its words', async () => {
    renderAs('executive', <ScoreboardView route={route} />, fakeApi({ ScoreboardAll: () => apiError('BAD_USER_INPUT', 'to must not be before from', 'to') }));
    expect(await screen.findByRole('alert')).toHaveTextContent('to must not be before from');
  });

  it('says when nothing was won in the period', async () => {
    const empty = Object.fromEntries(
      Object.entries(BOARDS).map(([key, value]) => [key, 'model' in value ? board(value.model, ['0.00', 0], ['0.00', 0], '0.00', 0) : value]),
    );
    renderAs('executive', <ScoreboardView route={route} />, fakeApi({ ScoreboardAll: () => empty }));
    expect(await screen.findByText('No deal was won from Jan 1, 2026 – Mar 31, 2026.')).toBeInTheDocument();
  });

  it('shows every model side by side, with the figures exactly as the API gives them', async () => {
    const api = fakeApi({ ScoreboardAll: () => BOARDS });
    renderAs('executive', <ScoreboardView route={route} />, api);
    const timeDecay = await screen.findByRole('row', { name: /^Time decay/ });
    expect(within(timeDecay).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['$27,108.48', '1.31', '$29,891.52', '1.69']);
    expect(within(timeDecay).getAllByRole('cell')[1]!.querySelector('data')).toHaveAttribute('value', '1.305912745');
    expect(screen.getAllByRole('row')).toHaveLength(8);
    expect(screen.getByText('$57,000.00', { selector: '.summary data' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Bar chart/ })).toBeInTheDocument();
    expect(api.calls[0]?.variables).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});
