import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { BoundedDocumentStore } from './document-store.js';

const doc = (text: string) => parse(text);

describe('the bounded document store', () => {
  it('gives back what it keeps', async () => {
    const store = new BoundedDocumentStore(100);
    const document = doc('{ a }');
    await store.set('k', document);

    expect(await store.get('k')).toBe(document);
    expect(await store.get('other')).toBeUndefined();
    expect(store.size).toBe(5);
  });

  it('forgets the least recently used documents once their text passes its bound', async () => {
    const store = new BoundedDocumentStore(30);
    await store.set('a', doc('{ aaaaaaaa }')); // 12 characters
    await store.set('b', doc('{ bbbbbbbb }'));
    await store.get('a');
    await store.set('c', doc('{ cccccccc }'));

    expect(await store.get('a')).toBeDefined();
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('c')).toBeDefined();
    expect(store.size).toBe(24);
  });

  it('counts a document set twice once, and forgets what is deleted', async () => {
    const store = new BoundedDocumentStore(100);
    await store.set('a', doc('{ a }'));
    await store.set('a', doc('{ a }'));
    expect(store.size).toBe(5);

    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(store.size).toBe(0);
  });

  it('keeps no document longer than its whole bound', async () => {
    const store = new BoundedDocumentStore(10);
    await store.set('long', doc('{ abcdefghijklmnop }'));

    expect(await store.get('long')).toBeUndefined();
    expect(store.size).toBe(0);
  });
});
