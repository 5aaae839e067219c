import { describe, expect, it } from '@jest/globals';
import { parse, print } from 'graphql';
import type { LoadTargets } from '../generator/history.js';
import { everyTimeNew, QUERY_SUBJECTS } from './subjects.js';

const goal = { id: 'g1', periodStart: '2026-07-01', periodEnd: '2026-09-30' } as unknown as LoadTargets['goalNow'];
const TARGETS: LoadTargets = {
  goalNow: goal,
  goalPast: goal,
  pastAsOf: '2026-08-15T00:00:00.000Z',
  series: Array.from({ length: 12 }, (_, index) => `2026-0${7 + Math.floor(index / 4)}-1${index % 4}T00:00:00.000Z`),
  window: { from: '2026-07-01', to: '2026-09-30' },
  openDealIds: ['d1'],
};

describe('the query subjects', () => {
  it.each(QUERY_SUBJECTS.map((subject) => [subject.key, subject] as const))('%s asked every time anew is the same question in a document of its own', (_key, subject) => {
    const query = subject.query(TARGETS);
    const first = everyTimeNew(query, 1);
    const second = everyTimeNew(query, 2);

    expect(first).not.toBe(second);
    // The same selections, under an alias that only names the answer.
    const unaliased = (document: string) => print(parse(document)).replace(/n\d+: /, '');
    expect(unaliased(first)).toBe(print(parse(query)));
    expect(unaliased(second)).toBe(print(parse(query)));
  });

  it('refuses a query it cannot alias', () => {
    expect(() => everyTimeNew('query Q { health { status } }', 1)).toThrow('starts with "{ "');
  });
});
