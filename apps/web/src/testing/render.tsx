import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiError, type Api, type SubscriptionHandlers } from '../api/api';
import { ApiProvider } from '../api/api-context';
import type { Claims } from '../auth/claims';
import { SessionProvider } from '../auth/session';
import { ChartRenderer, type ChartProps } from '../ui/chart';

/** What a fake API answers to an operation: its data, an error, or a promise of either. */
export type Answer = unknown;
export type Handlers = Record<string, (variables: Record<string, unknown>) => Answer>;

export interface FakeApi extends Api {
  /** Every request, in order: the operation's name and its variables. */
  readonly calls: { operation: string; variables: Record<string, unknown> }[];
  /** Sends data to the open subscriptions of an operation. */
  push(operation: string, data: unknown): void;
}

/** Never settles: a view waiting for the API. */
export const pending = (): Promise<never> => new Promise<never>(() => undefined);

export function apiError(code: string, message: string, field?: string): ApiError {
  return new ApiError(code, message, field);
}

function operationOf(document: { toString(): string }): string {
  const match = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(document.toString());
  if (match?.[1] === undefined) throw new Error(`No operation name in ${document.toString().slice(0, 80)}`);
  return match[1];
}

/** An API that answers from the test's handlers, by operation name, and records what it was asked. */
export function fakeApi(handlers: Handlers): FakeApi {
  const calls: FakeApi['calls'] = [];
  const subscribers = new Map<string, Set<SubscriptionHandlers<unknown>>>();
  return {
    calls,
    async request(document, variables) {
      const operation = operationOf(document);
      calls.push({ operation, variables: variables as Record<string, unknown> });
      const handler = handlers[operation];
      if (handler === undefined) throw new Error(`The test gave no answer to ${operation}`);
      const answer = await handler(variables as Record<string, unknown>);
      if (answer instanceof ApiError) throw answer;
      return answer as never;
    },
    subscribe(document, _variables, handlers) {
      const operation = operationOf(document);
      const set = subscribers.get(operation) ?? new Set();
      subscribers.set(operation, set);
      set.add(handlers as SubscriptionHandlers<unknown>);
      return () => set.delete(handlers as SubscriptionHandlers<unknown>);
    },
    close: () => undefined,
    push(operation, data) {
      for (const subscriber of subscribers.get(operation) ?? []) subscriber.next(data);
    },
  };
}

/** An unsigned token carrying the claims: the page only reads them; the service verifies. */
export function tokenWith(claims: Partial<Claims> & Pick<Claims, 'team'>): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: 'someone', lead: false, exp: 4102444800, ...claims })}.signature`;
}

export const ROLES = {
  marketing: { team: 'MARKETING', sub: 'mia', name: 'Mia' },
  marketingLead: { team: 'MARKETING', lead: true, sub: 'mark', name: 'Mark' },
  sales: { team: 'SALES', sub: 'sam', name: 'Sam' },
  salesLead: { team: 'SALES', lead: true, sub: 'sara', name: 'Sara' },
  executive: { team: 'EXECUTIVE', sub: 'eve', name: 'Eve' },
  revops: { team: 'REVOPS', sub: 'rex', name: 'Rex' },
} as const satisfies Record<string, Partial<Claims> & Pick<Claims, 'team'>>;

const stubChart = (props: ChartProps) => <div role="img" aria-label={props.label} data-chart="stub" />;

/** Renders a view as the named role, talking to the fake API, with charts drawn by a stand-in (jsdom has no canvas). */
export function renderAs(role: keyof typeof ROLES | null, ui: ReactNode, api: Api = fakeApi({})): RenderResult {
  if (role !== null) window.sessionStorage.setItem('tandem.token', tokenWith(ROLES[role]));
  return render(
    <SessionProvider>
      <ChartRenderer.Provider value={stubChart}>
        <ApiProvider api={api}>{ui}</ApiProvider>
      </ChartRenderer.Provider>
    </SessionProvider>,
  );
}
