import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { decidedEventId, uuidV5 } from './event-ids.js';

describe('uuidV5', () => {
  it('gives the RFC\'s name-based UUIDs', () => {
    // RFC 9562's DNS namespace; the values are those of other implementations (Python's uuid5).
    const dns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5('www.example.com', dns)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('0:1', '0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('695bf2b5-a4a1-5ea5-b26a-ffb99c7ad9df');
  });

  it('reads the namespace whatever its case, and refuses one that is not a UUID', () => {
    expect(uuidV5('x', '6BA7B810-9DAD-11D1-80B4-00C04FD430C8')).toBe(uuidV5('x', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'));
    expect(() => uuidV5('x', 'corr-1')).toThrow(TypeError);
  });
});

describe('decidedEventId', () => {
  it('is the same for the same command, try and index, and differs otherwise', () => {
    const command = randomUUID();
    const ids = [decidedEventId(command, 1, 0), decidedEventId(command, 1, 1), decidedEventId(command, 2, 0), decidedEventId(randomUUID(), 1, 0)];

    expect(decidedEventId(command, 1, 0)).toBe(ids[0]);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
