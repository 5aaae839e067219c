import type { AttributionModel, ReasonKind } from '../generated/graphql';

/** Every view and its arguments: what the URL names, so a link can be shared. */
export type Route =
  | { readonly view: 'home' }
  | { readonly view: 'goal'; readonly goalId: string; readonly model: AttributionModel }
  | { readonly view: 'scoreboard'; readonly from?: string; readonly to?: string }
  | {
      readonly view: 'reasons';
      readonly kind: ReasonKind;
      readonly from?: string;
      readonly to?: string;
      readonly segment?: string;
      readonly reason?: string;
    }
  | { readonly view: 'leads'; readonly from?: string; readonly to?: string; readonly segment?: string; readonly campaign?: string }
  | { readonly view: 'retrospectives' }
  | { readonly view: 'retrospective'; readonly id: string }
  | { readonly view: 'not-found'; readonly path: string };

export const MODELS: readonly AttributionModel[] = ['SHARED', 'FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR', 'U_SHAPED', 'W_SHAPED', 'TIME_DECAY'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  const date = (name: string) => {
    const value = query.get(name);
    return value !== null && DATE.test(value) ? value : undefined;
  };
  const text = (name: string) => {
    const value = query.get(name)?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const decoded = pathname.split('/').filter((segment) => segment !== '').map(decodeSegment);
  if (decoded.some((segment) => segment === null)) return { view: 'not-found', path: pathname };
  const [first, second, ...rest] = decoded as string[];
  if (rest.length > 0) return { view: 'not-found', path: pathname };

  if (first === undefined) return { view: 'home' };
  if (first === 'goals' && second) {
    const model = query.get('model');
    return { view: 'goal', goalId: second, model: MODELS.includes(model as AttributionModel) ? (model as AttributionModel) : 'SHARED' };
  }
  if (second !== undefined) {
    if (first === 'retrospectives') return { view: 'retrospective', id: second };
    return { view: 'not-found', path: pathname };
  }
  switch (first) {
    case 'scoreboard':
      return withDefined({ view: 'scoreboard', from: date('from'), to: date('to') });
    case 'reasons':
      return withDefined({
        view: 'reasons',
        kind: query.get('kind') === 'WIN' ? 'WIN' : 'LOSS',
        from: date('from'),
        to: date('to'),
        segment: text('segment'),
        reason: text('reason'),
      });
    case 'leads':
      return withDefined({ view: 'leads', from: date('from'), to: date('to'), segment: text('segment'), campaign: text('campaign') });
    case 'retrospectives':
      return { view: 'retrospectives' };
    default:
      return { view: 'not-found', path: pathname };
  }
}

export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'home':
      return '/';
    case 'goal':
      return `/goals/${encodeURIComponent(route.goalId)}${search({ model: route.model === 'SHARED' ? undefined : route.model })}`;
    case 'scoreboard':
      return `/scoreboard${search({ from: route.from, to: route.to })}`;
    case 'reasons':
      return `/reasons${search({ kind: route.kind, from: route.from, to: route.to, segment: route.segment, reason: route.reason })}`;
    case 'leads':
      return `/leads${search({ from: route.from, to: route.to, segment: route.segment, campaign: route.campaign })}`;
    case 'retrospectives':
      return '/retrospectives';
    case 'retrospective':
      return `/retrospectives/${encodeURIComponent(route.id)}`;
    case 'not-found':
      return route.path;
  }
}

function search(values: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) query.set(name, value);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Leaves out the arguments the URL does not give, so a route compares equal to its parse. */
function withDefined<T extends object>(route: T): T {
  return Object.fromEntries(Object.entries(route).filter(([, value]) => value !== undefined)) as T;
}

/**
 * The calendar quarter of an instant, in UTC: the period a view shows until one is chosen.
 * The browser's clock picks only this default; every figure comes from the service.
 */
export function quarterOf(instant: Date): { from: string; to: string } {
  const year = instant.getUTCFullYear();
  const quarter = Math.floor(instant.getUTCMonth() / 3);
  const end = new Date(Date.UTC(year, quarter * 3 + 3, 0));
  return { from: `${year}-${pad(quarter * 3 + 1)}-01`, to: `${year}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}` };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
