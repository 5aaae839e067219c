import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { EventStoreUnavailableError } from '../errors.js';
import type { Position } from '../event.js';
import { EsdbEventStore, connectEsdbEventStore } from './esdb-event-store.js';

// The adapter's behaviour when no EventStoreDB answers; with a server it is checked by the
// contract suite (esdb.contract-spec.ts).

const DEADLINE_MS = 200;

function event() {
  return { id: randomUUID(), type: 'DealOpened', data: {}, metadata: {} };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server that accepts connections and never says a word, as a hung or firewalled node would. */
class SilentServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor() {
    this.server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    return `esdb://127.0.0.1:${port}?tls=false`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// A deadline shows itself by its message ("within 200 ms"), not by a stopwatch, which a busy
// machine would fail; a call that hung instead would meet the test's timeout.
async function failure(action: () => Promise<unknown>): Promise<{ error: unknown }> {
  try {
    await action();
  } catch (error) {
    return { error };
  }
  throw new Error('Expected the operation to fail');
}

describe('EsdbEventStore without a server', () => {
  it('fails to connect with a clear error when nothing listens', async () => {
    const port = await closedPort();

    const { error } = await failure(() => connectEsdbEventStore(`esdb://admin:changeit@127.0.0.1:${port}?tls=false`, { deadlineMs: 30_000 }));

    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain(`EventStoreDB at esdb://127.0.0.1:${port} is unavailable`);
    expect(message).toContain('checking the connection');
    expect(message).toContain('UNAVAILABLE');
    expect(message).not.toContain('changeit');
  });

  describe('when the server never answers', () => {
    const silent = new SilentServer();
    let store: EsdbEventStore;

    beforeEach(async () => {
      store = new EsdbEventStore(await silent.start(), { deadlineMs: DEADLINE_MS });
    });

    afterEach(async () => {
      await store.close();
      await silent.stop();
    });

    it('fails the connection check at the deadline instead of hanging', async () => {
      const { error } = await failure(() => store.verifyConnection());

      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toMatch(
        /^EventStoreDB at esdb:\/\/127\.0\.0\.1:\d+ did not answer checking the connection \(reading the end of \$all\) within 200 ms$/,
      );
    });

    it('fails an append at the deadline', async () => {
      const stream = `deal-${randomUUID()}`;

      const { error } = await failure(() => store.appendToStream(stream, [event()]));

      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toContain(`did not answer appendToStream("${stream}") within 200 ms`);
    });

    it('fails reads at the deadline', async () => {
      const stream = `deal-${randomUUID()}`;

      const fromStream = await failure(() => store.readStream(stream));
      const fromAll = await failure(() => store.readAll({ eventTypes: ['DealOpened'] }));

      expect(fromStream.error).toBeInstanceOf(EventStoreUnavailableError);
      expect((fromStream.error as Error).message).toContain(`readStream("${stream}")`);
      expect(fromAll.error).toBeInstanceOf(EventStoreUnavailableError);
      expect((fromAll.error as Error).message).toContain('readAll');
    });

    it('fails a subscription at the deadline, from the read of the head that comes before it', async () => {
      const subscription = store.subscribeToAll({ eventTypes: ['DealOpened'] });

      const { error } = await failure(() => subscription[Symbol.asyncIterator]().next());

      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toContain('did not answer subscribeToAll (reading the end of $all first) within 200 ms');
      await subscription.close();
    });
  });

  describe('given a store that is never connected', () => {
    const store = new EsdbEventStore('esdb://localhost:2113?tls=false');

    afterEach(async () => {
      await store.close();
    });

    it('orders positions by commit then prepare', () => {
      expect(store.comparePositions('9:9' as Position, '10:0' as Position)).toBeLessThan(0);
      expect(store.comparePositions('10:2' as Position, '10:1' as Position)).toBeGreaterThan(0);
    });

    it('refuses a position of another store before asking the server', async () => {
      await expect(store.readAll({ fromPosition: '42' as Position })).rejects.toThrow('Not a position of the EventStoreDB store: "42"');
      expect(() => store.subscribeToAll({ fromPosition: '42' as Position })).toThrow('"42"');
    });

    it('refuses revisions and counts that are not safe non-negative integers', async () => {
      await expect(store.readStream('s', { fromRevision: -1 })).rejects.toThrow(RangeError);
      await expect(store.readStream('s', { maxCount: 1.5 })).rejects.toThrow(RangeError);
      await expect(store.appendToStream('s', [event()], { expectedRevision: 2 ** 53 })).rejects.toThrow(RangeError);
    });

    it('answers an empty read without a server', async () => {
      expect(await store.readAll({ eventTypes: [] })).toEqual([]);
      expect(await store.readAll({ maxCount: 0 })).toEqual([]);
    });
  });

  it('explains a connection string it cannot use', () => {
    expect(() => new EsdbEventStore('kurrentdb://localhost:2113')).toThrow(
      /^Invalid EventStoreDB connection string for kurrentdb:\/\/localhost:2113: .*expected esdb:\/\/ or esdb\+discover:\/\//,
    );
  });

  it('refuses a deadline that is not a positive integer', () => {
    expect(() => new EsdbEventStore('esdb://localhost:2113', { deadlineMs: 0 })).toThrow(RangeError);
  });
});
