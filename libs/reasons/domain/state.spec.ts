import { describe, expect, it } from '@jest/globals';
import { evolve, initialState, reasonSnapshot, reasonSnapshots, resolveMerges, type ReasonEvent } from './index.js';

const defined = (code: string, kind: 'WIN' | 'LOSS' = 'LOSS'): ReasonEvent => ({
  type: 'ReasonDefined',
  data: { code, label: code, category: 'OTHER', kind },
});
const merged = (from: string, into: string): ReasonEvent => ({ type: 'ReasonsMerged', data: { from, into } });
const retired = (code: string): ReasonEvent => ({ type: 'ReasonRetired', data: { code } });
const catalog = (...events: ReasonEvent[]) => events.reduce(evolve, initialState());

describe('resolveMerges', () => {
  it('follows a chain of merges to its survivor', () => {
    const state = catalog(defined('AA'), defined('BB'), defined('CC'), merged('AA', 'BB'), merged('BB', 'CC'));
    expect(resolveMerges('AA', state)).toBe('CC');
    expect(resolveMerges('BB', state)).toBe('CC');
    expect(resolveMerges('CC', state)).toBe('CC');
  });

  it('leaves an unmerged, a retired and an unknown code as they are', () => {
    const state = catalog(defined('AA'), defined('BB'), retired('BB'));
    expect(resolveMerges('AA', state)).toBe('AA');
    expect(resolveMerges('BB', state)).toBe('BB');
    expect(resolveMerges('ZZ', state)).toBe('ZZ');
  });

  it('stops on a cycle that a history written by other means could hold', () => {
    const state = catalog(defined('AA'), defined('BB'), defined('CC'), merged('AA', 'BB'), merged('BB', 'CC'), merged('CC', 'AA'));
    expect(resolveMerges('AA', state)).toBe('CC');
    expect(resolveMerges('BB', state)).toBe('AA');
    expect(resolveMerges('AA', catalog(defined('AA'), merged('AA', 'AA')))).toBe('AA');
  });
});

describe('reasonSnapshot', () => {
  it('gives kind and retirement of a known code, and null for an unknown one', () => {
    const state = catalog(defined('AA'), defined('BB', 'WIN'), defined('CC'), merged('CC', 'AA'));
    expect(reasonSnapshot('AA', state)).toEqual({ code: 'AA', kind: 'LOSS', retired: false });
    expect(reasonSnapshot('BB', state)).toEqual({ code: 'BB', kind: 'WIN', retired: false });
    expect(reasonSnapshot('CC', state)).toEqual({ code: 'CC', kind: 'LOSS', retired: true });
    expect(reasonSnapshot('ZZ', state)).toBeNull();
  });

  it('does not take an inherited property for a reason', () => {
    expect(reasonSnapshot('constructor', catalog())).toBeNull();
  });

  it('gives one per code, keyed by code', () => {
    const state = catalog(defined('AA'));
    expect(reasonSnapshots(['AA', 'ZZ'], state)).toEqual({ AA: { code: 'AA', kind: 'LOSS', retired: false }, ZZ: null });
  });
});

describe('evolve', () => {
  it('ignores a retirement or merge of a code it does not hold', () => {
    const state = catalog(defined('AA'));
    expect(evolve(state, retired('ZZ'))).toBe(state);
    expect(evolve(state, merged('ZZ', 'AA'))).toBe(state);
  });
});
