import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, quarterOf, type Route } from './routes';

const parse = (href: string) => {
  const url = new URL(href, 'http://localhost');
  return parseRoute(url.pathname, url.search);
};

describe('the URL names the view and its arguments', () => {
  it.each<Route>([
    { view: 'home' },
    { view: 'goal', goalId: 'q1-ent', model: 'SHARED' },
    { view: 'goal', goalId: 'a goal/with odd id', model: 'TIME_DECAY' },
    { view: 'scoreboard' },
    { view: 'scoreboard', from: '2026-01-01', to: '2026-03-31' },
    { view: 'reasons', kind: 'LOSS' },
    { view: 'reasons', kind: 'WIN', from: '2026-02-01', to: '2026-02-28', segment: 'ENT', reason: 'PRODUCT_FIT' },
    { view: 'leads' },
    { view: 'leads', from: '2026-01-01', to: '2026-03-31', segment: 'ENT', campaign: 'spring webinar' },
    { view: 'retrospectives' },
    { view: 'retrospective', id: 'r-1' },
  ])('reads back %j from its link', (route) => {
    expect(parse(hrefOf(route))).toEqual(route);
  });

  it('keeps the default model out of the link', () => {
    expect(hrefOf({ view: 'goal', goalId: 'q1', model: 'SHARED' })).toBe('/goals/q1');
    expect(hrefOf({ view: 'goal', goalId: 'q1', model: 'LINEAR' })).toBe('/goals/q1?model=LINEAR');
  });

  it('ignores arguments it cannot use rather than failing', () => {
    expect(parse('/goals/q1?model=MAGIC')).toEqual({ view: 'goal', goalId: 'q1', model: 'SHARED' });
    expect(parse('/scoreboard?from=yesterday&to=2026-03-31')).toEqual({ view: 'scoreboard', to: '2026-03-31' });
    expect(parse('/reasons?kind=REJECTION&segment=%20')).toEqual({ view: 'reasons', kind: 'LOSS' });
  });

  it.each(['/nope', '/goals', '/goals/a/b', '/scoreboard/x', '/retrospectives/%E0%A4%A'])('has no view at %s', (path) => {
    expect(parse(path)).toEqual({ view: 'not-found', path: new URL(path, 'http://localhost').pathname });
  });

  it.each([
    ['2026-02-25T12:00:00Z', { from: '2026-01-01', to: '2026-03-31' }],
    ['2026-04-01T00:00:00Z', { from: '2026-04-01', to: '2026-06-30' }],
    ['2026-09-30T23:59:59Z', { from: '2026-07-01', to: '2026-09-30' }],
    ['2026-12-31T23:59:59Z', { from: '2026-10-01', to: '2026-12-31' }],
  ])('takes the quarter of %s as the default period', (instant, quarter) => {
    expect(quarterOf(new Date(instant))).toEqual(quarter);
  });
});
