import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { NO_STREAM, WrongExpectedRevisionError } from '#event-store';
import { InMemoryEventStore } from '#event-store/in-memory';

describe('InMemoryEventStore', () => {
  it('has no head while the log is empty', async () => {
    expect(await new InMemoryEventStore().headPosition()).toBeNull();
  });

  it('rejects a second append expecting no stream', async () => {
    const store = new InMemoryEventStore();
    const event = () => ({ id: randomUUID(), type: 'T', data: {}, metadata: {} });
    await store.appendToStream('s', [event()], { expectedRevision: NO_STREAM });
    await expect(store.appendToStream('s', [event()], { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
  });
});
