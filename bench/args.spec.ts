import { describe, expect, it } from '@jest/globals';
import { parseArgs, parseCount } from './args.js';

const NOW = Date.parse('2026-11-30T15:04:05.000Z');

describe('parseCount', () => {
  it.each([
    ['100k', 100_000],
    ['1M', 1_000_000],
    ['1m', 1_000_000],
    ['2.5k', 2_500],
    ['250000', 250_000],
    ['250_000', 250_000],
  ])('reads %s as %d', (text, count) => {
    expect(parseCount(text, '--events')).toBe(count);
  });

  it.each(['', 'abc', '-5', '1G', '0'])('refuses %j', (text) => {
    expect(() => parseCount(text, '--events')).toThrow('--events');
  });
});

describe('parseArgs', () => {
  it('defaults to 100k events, seed 42, a history ending at the start of today (UTC), 10 s per figure', () => {
    expect(parseArgs([], {}, NOW)).toMatchObject({
      events: 100_000,
      seed: 42,
      until: Date.parse('2026-11-30T00:00:00.000Z'),
      duration: 10,
      connections: 10,
      writers: 8,
      keep: false,
      resultsDir: 'bench/results',
    });
  });

  it('takes npm run bench -- --events 1M, with = or a space', () => {
    expect(parseArgs(['--events', '1M'], {}, NOW).events).toBe(1_000_000);
    expect(parseArgs(['--events=1M', '--duration=3'], {}, NOW)).toMatchObject({ events: 1_000_000, duration: 3 });
  });

  it('takes what npm makes of npm run bench --events=1M and of npm run bench --events 1M', () => {
    expect(parseArgs([], { npm_config_events: '1M' }, NOW).events).toBe(1_000_000);
    expect(parseArgs(['1M'], { npm_config_events: 'true' }, NOW).events).toBe(1_000_000);
  });

  it('ends the history with the last day given', () => {
    expect(parseArgs(['--until', '2026-06-30'], {}, NOW).until).toBe(Date.parse('2026-07-01T00:00:00.000Z'));
  });

  it('reads lists and flags', () => {
    expect(parseArgs(['--only', 'scoreboard, deals', '--keep'], {}, NOW)).toMatchObject({ only: ['scoreboard', 'deals'], keep: true });
  });

  it('refuses what it does not know', () => {
    expect(() => parseArgs(['--event', '1M'], {}, NOW)).toThrow('Unknown option --event');
    expect(() => parseArgs(['--duration'], {}, NOW)).toThrow('--duration needs a value');
    expect(() => parseArgs(['--until', '30/06/2026'], {}, NOW)).toThrow('--until');
  });
});
