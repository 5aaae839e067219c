import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PendingRetrospectivesQuery, RetrospectiveDetailFragment, RetrospectivePageQuery } from '../../generated/graphql';
import { apiError, fakeApi, pending, renderAs } from '../../testing/render';
import { PendingRetrospectivesView } from './pending-retrospectives.view';
import { RetrospectiveView } from './retrospective.view';

const PENDING: PendingRetrospectivesQuery = {
  pendingRetrospectives: [
    {
      id: 'D1',
      title: 'Acme renewal',
      account: 'Acme',
      segment: 'ENT',
      status: 'WON',
      amount: '30000.00',
      currency: 'USD',
      closedAt: '2026-02-01T10:00:00.000Z',
      retrospective: { id: 'r1', status: 'OPEN', perspectives: [{ team: 'SALES' }] },
    },
    {
      id: 'D6',
      title: 'Bolt pilot',
      account: 'Bolt',
      segment: null,
      status: 'LOST',
      amount: '8000.00',
      currency: 'USD',
      closedAt: '2026-02-06T10:00:00.000Z',
      retrospective: null,
    },
  ],
};

describe('the pending retrospectives view', () => {
  it('says it is loading', () => {
    renderAs('marketing', <PendingRetrospectivesView />, fakeApi({ PendingRetrospectives: pending }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading the pending retrospectives…');
  });

  it('says when nothing is pending', async () => {
    renderAs('marketing', <PendingRetrospectivesView />, fakeApi({ PendingRetrospectives: () => ({ pendingRetrospectives: [] }) }));
    expect(await screen.findByText('Nothing pending: every closed deal has a concluded retrospective.')).toBeInTheDocument();
  });

  it("shows the API's error in words", async () => {
    renderAs('marketing', <PendingRetrospectivesView />, fakeApi({ PendingRetrospectives: () => apiError('UNAUTHENTICATED', 'The token has expired') }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please sign in again: The token has expired');
  });

  it('lists the deals oldest first, linking an open retrospective and offering to start one', async () => {
    const api = fakeApi({ PendingRetrospectives: () => PENDING, OpenRetrospective: () => ({ openRetrospective: { id: 'r6' } }) });
    renderAs('marketing', <PendingRetrospectivesView />, api);
    const rows = await screen.findAllByRole('row');
    expect(within(rows[1]!).getByRole('link', { name: 'Open the retrospective of Acme renewal' })).toHaveAttribute('href', '/retrospectives/r1');
    expect(within(rows[1]!).getByText('filed: Sales')).toBeInTheDocument();
    await userEvent.click(within(rows[2]!).getByRole('button', { name: 'Start the retrospective of Bolt pilot' }));
    expect(api.calls.at(-1)).toEqual({ operation: 'OpenRetrospective', variables: { input: { dealId: 'D6' } } });
    expect(window.location.pathname).toBe('/retrospectives/r6');
  });

  it('offers an executive no retrospective to start', async () => {
    renderAs('executive', <PendingRetrospectivesView />, fakeApi({ PendingRetrospectives: () => PENDING }));
    await screen.findAllByRole('row');
    expect(screen.queryByRole('button', { name: /Start the retrospective/ })).toBeNull();
    expect(screen.getByText('Not started')).toBeInTheDocument();
  });
});

const RETROSPECTIVE: RetrospectiveDetailFragment = {
  id: 'r1',
  status: 'OPEN',
  outcome: 'WON',
  version: 2,
  openedAt: '2026-02-10T12:00:00.000Z',
  concludedAt: null,
  summary: null,
  deal: { id: 'D1', title: 'Acme renewal', account: 'Acme', amount: '30000.00', currency: 'USD', closedAt: '2026-02-01T10:00:00.000Z', competitor: null, lossReason: null },
  perspectives: [{ team: 'SALES', author: 'sam', notes: null, filedAt: '2026-02-10T12:00:00.000Z', reasons: [{ code: 'PRODUCT_FIT', label: 'Product fit' }] }],
  agreedReasons: [],
  actionItems: [],
};

const CATALOG: RetrospectivePageQuery['reasons'] = [
  { code: 'PRICE_TOO_HIGH', label: 'Price too high', kind: 'LOSS', category: 'PRICE' },
  { code: 'PRODUCT_FIT', label: 'Product fit', kind: 'WIN', category: 'PRODUCT' },
  { code: 'RELEVANT_CONTENT', label: 'Relevant content', kind: 'WIN', category: 'MESSAGING' },
];

const page = (retrospective: RetrospectiveDetailFragment | null = RETROSPECTIVE): RetrospectivePageQuery => ({ retrospective, reasons: CATALOG });

describe('a retrospective', () => {
  it('says it is loading', () => {
    renderAs('marketing', <RetrospectiveView id="r1" />, fakeApi({ RetrospectivePage: pending }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading the retrospective…');
  });

  it('says when there is no such retrospective', async () => {
    renderAs('marketing', <RetrospectiveView id="r9" />, fakeApi({ RetrospectivePage: () => page(null) }));
    expect(await screen.findByText('There is no retrospective “r9”.')).toBeInTheDocument();
  });

  it("shows the API's error in words", async () => {
    renderAs('marketing', <RetrospectiveView id="r1" />, fakeApi({ RetrospectivePage: () => apiError('NETWORK', 'down') }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The service could not be reached.');
  });

  it("lets marketing file its own perspective from the win reasons of the catalog, and shows the API's refusal beside it", async () => {
    let filings = 0;
    const api = fakeApi({
      RetrospectivePage: () => page(),
      FilePerspective: (variables) =>
        filings++ === 0
          ? apiError('BAD_USER_INPUT', 'reasonCodes must name 1 to 10 reasons', 'reasonCodes')
          : {
              filePerspective: {
                ...RETROSPECTIVE,
                version: 3,
                perspectives: [
                  ...RETROSPECTIVE.perspectives,
                  { team: 'MARKETING', author: 'mia', notes: 'Webinars', filedAt: '2026-02-25T12:00:00.000Z', reasons: [{ code: 'RELEVANT_CONTENT', label: 'Relevant content' }] },
                ],
              },
              variables,
            },
    });
    renderAs('marketing', <RetrospectiveView id="r1" />, api);
    const form = (await screen.findByRole('heading', { name: "File Marketing's perspective" })).closest('section')!;
    expect(within(form).queryByRole('checkbox', { name: /Price too high/ })).toBeNull();
    await userEvent.click(within(form).getByRole('button', { name: "File Marketing's perspective" }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('reasonCodes must name 1 to 10 reasons');

    await userEvent.click(within(form).getByRole('checkbox', { name: /Relevant content/ }));
    await userEvent.type(within(form).getByLabelText('Notes (optional)'), 'Webinars');
    await userEvent.click(within(form).getByRole('button', { name: "File Marketing's perspective" }));
    const marketing = await screen.findByRole('heading', { name: "Marketing's perspective" });
    expect(await within(marketing.closest('section')!).findByText('Relevant content')).toBeInTheDocument();
    expect(api.calls.at(-1)?.variables).toEqual({ input: { retrospectiveId: 'r1', reasonCodes: ['RELEVANT_CONTENT'], notes: 'Webinars', expectedVersion: 2 } });
    // Both have filed now: the conclusion is offered.
    expect(screen.getByRole('button', { name: 'Conclude the retrospective' })).toBeInTheDocument();
  });

  it("offers sales its own form only, an executive none, and no conclusion before both teams filed", async () => {
    const { unmount } = renderAs('sales', <RetrospectiveView id="r1" />, fakeApi({ RetrospectivePage: () => page() }));
    expect(await screen.findByRole('heading', { name: "Revise Sales' perspective" })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Marketing's/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Conclude the retrospective' })).toBeNull();
    unmount();
    renderAs('executive', <RetrospectiveView id="r1" />, fakeApi({ RetrospectivePage: () => page() }));
    await screen.findByRole('heading', { name: "Sales' perspective" });
    expect(screen.queryByRole('button', { name: /perspective|Conclude|Add/ })).toBeNull();
  });

  it('shows a concluded retrospective with its agreed reasons and summary, and no forms', async () => {
    const concluded: RetrospectiveDetailFragment = {
      ...RETROSPECTIVE,
      status: 'CONCLUDED',
      concludedAt: '2026-02-12T12:00:00.000Z',
      summary: 'A clear product fit.',
      agreedReasons: [{ code: 'PRODUCT_FIT', label: 'Product fit' }],
    };
    renderAs('marketing', <RetrospectiveView id="r1" />, fakeApi({ RetrospectivePage: () => page(concluded) }));
    expect(await screen.findByText('A clear product fit.')).toBeInTheDocument();
    expect(screen.getByText(/Agreed reasons: Product fit\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /perspective|Conclude/ })).toBeNull();
  });
});
