import { describe, expect, it } from '@jest/globals';
import type { Position } from '#event-store';
import { AnswerCache } from './answer-cache.js';

describe('AnswerCache', () => {
  const positions = new Map<string, Position | null>([
    ['deals', '10' as Position],
    ['goals', '3' as Position],
  ]);
  const cache = (maxEntries?: number) => new AnswerCache((name) => positions.get(name) ?? null, maxEntries);

  it('answers the same question once while the read models stand still', () => {
    const answers = cache();
    let computed = 0;
    const ask = () => answers.answer(['deals'], 'q', () => ++computed);
    expect([ask(), ask(), ask()]).toEqual([1, 1, 1]);
  });

  it('computes again once any projection the answer reads has moved', () => {
    const answers = cache();
    let computed = 0;
    const ask = () => answers.answer(['deals', 'goals'], 'q', () => ++computed);
    expect(ask()).toBe(1);
    positions.set('goals', '4' as Position);
    expect(ask()).toBe(2);
    expect(ask()).toBe(2);
    positions.set('deals', '11' as Position);
    expect(ask()).toBe(3);
  });

  it('keeps questions and projection sets apart', () => {
    const answers = cache();
    expect(answers.answer(['deals'], 'a', () => 'a')).toBe('a');
    expect(answers.answer(['deals'], 'b', () => 'b')).toBe('b');
    expect(answers.answer(['goals'], 'a', () => 'goals-a')).toBe('goals-a');
    expect(answers.answer(['deals'], 'a', () => 'again')).toBe('a');
  });

  it('keeps no answer that failed', () => {
    const answers = cache();
    expect(() =>
      answers.answer(['deals'], 'q', () => {
        throw new Error('read failed');
      }),
    ).toThrow('read failed');
    expect(answers.answer(['deals'], 'q', () => 'ok')).toBe('ok');
  });

  it('drops the least recently used answer past its size', () => {
    const answers = cache(2);
    answers.answer(['deals'], 'a', () => 'a1');
    answers.answer(['deals'], 'b', () => 'b1');
    answers.answer(['deals'], 'a', () => 'a2');
    answers.answer(['deals'], 'c', () => 'c1');
    expect(answers.answer(['deals'], 'a', () => 'a3')).toBe('a1');
    expect(answers.answer(['deals'], 'b', () => 'b2')).toBe('b2');
  });

  it('keeps nothing when disabled', () => {
    const answers = AnswerCache.disabled();
    let computed = 0;
    answers.answer(['deals'], 'q', () => ++computed);
    expect(answers.answer(['deals'], 'q', () => ++computed)).toBe(2);
  });
});
