import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InsightFragment, ReasonReportQuery } from '../../generated/graphql';
import { apiError, fakeApi, pending, renderAs } from '../../testing/render';
import { ReasonsView } from './reasons.view';

const insight = (code: string, label: string, deals: number, recurring: boolean, overrides: Partial<InsightFragment> = {}): InsightFragment => ({
  reason: { code, label, category: 'PRICE' },
  deals,
  share: deals / 3,
  revenue: `${deals * 9000}.00`,
  previousDeals: 1,
  trend: 'RISING',
  recurring,
  citedBy: [
    { team: 'MARKETING', perspectives: 1 },
    { team: 'SALES', perspectives: 1 },
  ],
  agreement: 1,
  competitors: [{ competitor: 'Acme', deals: 1 }],
  lastSeenAt: '2026-02-06T00:00:00.000Z',
  ...overrides,
});

const report = (reasons: InsightFragment[], deals = 3): ReasonReportQuery => ({
  currency: { edges: [{ node: { currency: 'USD' } }] },
  reasonInsights: { kind: 'LOSS', from: '2026-02-01', to: '2026-02-28', segment: null, deals, revenue: '23000.00', reasons },
});

const route = { view: 'reasons', kind: 'LOSS', from: '2026-02-01', to: '2026-02-28' } as const;

describe('the reasons view', () => {
  it('says it is loading', () => {
    renderAs('marketing', <ReasonsView route={route} />, fakeApi({ ReasonReport: pending }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading the reasons…');
  });

  it("shows the API's error in words", async () => {
    renderAs('marketing', <ReasonsView route={route} />, fakeApi({ ReasonReport: () => apiError('FORBIDDEN', 'No') }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not allowed for your role: No');
  });

  it('says when no deal closed in the window', async () => {
    renderAs('marketing', <ReasonsView route={route} />, fakeApi({ ReasonReport: () => report([], 0) }));
    expect(await screen.findByText('No deal was lost from Feb 1, 2026 – Feb 28, 2026.')).toBeInTheDocument();
  });

  it('lists the recurring reasons first, marked, with share, trend, agreement and competitors', async () => {
    const api = fakeApi({
      ReasonReport: () =>
        report([
          insight('UNCLEAR_VALUE', 'Unclear value', 3, false, { trend: 'NEW', agreement: null, competitors: [] }),
          insight('PRICE_TOO_HIGH', 'Price too high', 2, true),
        ]),
    });
    renderAs('marketing', <ReasonsView route={{ ...route, segment: 'ENT' }} />, api);
    const rows = await screen.findAllByRole('row');
    expect(rows.slice(1).map((row) => row.getAttribute('data-reason'))).toEqual(['PRICE_TOO_HIGH', 'UNCLEAR_VALUE']);
    const price = rows[1]!;
    expect(within(price).getByText('Recurring')).toBeInTheDocument();
    expect(within(price).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '2',
      '66.7%',
      '$18,000.00',
      '↑ Rising1 before',
      '100%',
      'Marketing 1 · Sales 1',
      'Acme (1)',
    ]);
    expect(within(rows[2]!).getAllByRole('cell')[4]).toHaveTextContent('n/a');
    expect(document.querySelector('.summary')).toHaveTextContent('3 deals lost for $23,000.00, Feb 1, 2026 – Feb 28, 2026. 1 reason recurs.');
    expect(api.calls[0]?.variables).toEqual({ kind: 'LOSS', from: '2026-02-01', to: '2026-02-28', segment: 'ENT' });
  });

  it("shows a chosen reason's details, and says so when the window has none of it", async () => {
    const api = fakeApi({ ReasonReport: () => report([insight('PRICE_TOO_HIGH', 'Price too high', 2, true)]) });
    const { unmount } = renderAs('marketing', <ReasonsView route={{ ...route, reason: 'PRICE_TOO_HIGH' }} />, api);
    expect(await screen.findByRole('heading', { level: 2, name: 'Price too high' })).toBeInTheDocument();
    unmount();
    renderAs('marketing', <ReasonsView route={{ ...route, reason: 'BAD_TIMING' }} />, api);
    expect(await screen.findByText('No deal in this window cites BAD_TIMING.')).toBeInTheDocument();
  });
});
