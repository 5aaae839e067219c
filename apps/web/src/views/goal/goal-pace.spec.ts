import { describe, expect, it } from 'vitest';
import { paceChart, paceMoments } from './goal-pace';

describe('the moments the pace chart asks progress at', () => {
  it('spans from the proposal to now, twelve moments, the last exactly now', () => {
    const moments = paceMoments('2026-01-01', '2026-03-31', '2026-01-05T09:00:00.000Z', '2026-02-25T12:00:00.000Z')!;
    expect(moments).toHaveLength(12);
    expect(moments[0]).toBe('2026-01-05T09:00:00.000Z');
    expect(moments[11]).toBe('2026-02-25T12:00:00.000Z');
    expect([...moments].sort()).toEqual(moments);
  });

  it('starts at the period when the goal was proposed before it, and ends with the period', () => {
    const moments = paceMoments('2026-01-01', '2026-03-31', '2025-12-15T00:00:00.000Z', '2026-05-01T00:00:00.000Z')!;
    expect(moments[0]).toBe('2026-01-01T00:00:00.000Z');
    expect(moments[11]).toBe('2026-03-31T23:59:59.999Z');
  });

  it('has nothing to ask before the period starts', () => {
    expect(paceMoments('2026-04-01', '2026-06-30', '2026-03-01T00:00:00.000Z', '2026-03-15T00:00:00.000Z')).toBeNull();
  });

  it('marks the revisions of the target, not its first setting', () => {
    const option = paceChart(
      [],
      [
        { at: '2026-01-05T09:00:00.000Z', from: null, to: '100000.00' },
        { at: '2026-02-20T12:00:00.000Z', from: '100000.00', to: '120000.00' },
      ],
      'USD',
    );
    const series = option.series as { markLine?: { data: unknown[] } }[];
    expect(series[0]?.markLine?.data).toEqual([{ xAxis: '2026-02-20T12:00:00.000Z', name: 'Target $120,000.00' }]);
  });
});
