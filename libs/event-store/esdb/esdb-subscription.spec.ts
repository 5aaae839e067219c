import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError } from '../errors.js';
import { toEventStoreError, type ClientPosition } from './esdb-mapping.js';
import { EsdbSubscription, type EsdbSubscriptionOptions } from './esdb-subscription.js';
import { WireSubscription, checkpointMessage, confirmationMessage, eventMessage, labelsOf, take } from './esdb.fixtures.js';

const toError = (error: unknown) => toEventStoreError(error, { endpoint: 'esdb://localhost:2113', operation: 'subscribeToAll' });

function subscribe(wire: WireSubscription, options: Partial<EsdbSubscriptionOptions> = {}): EsdbSubscription {
  return new EsdbSubscription(wire.open, { toError, ...options });
}

const at = (position: number): ClientPosition => ({ commit: BigInt(position), prepare: BigInt(position) });

describe('EsdbSubscription', () => {
  it('delivers our events with their stream, revision and position, converted by the client itself', async () => {
    // Given
    const wire = new WireSubscription();
    const id = randomUUID();
    const subscription = subscribe(wire);

    // When
    wire.send(
      confirmationMessage(),
      eventMessage({ id, type: 'DealOpened', stream: 'deal-7', revision: 2, position: [120, 110], data: { amount: 3 }, metadata: { actor: 'u' } }),
    );

    // Then
    const [message] = await take(subscription, 1);
    expect(message).toEqual({
      kind: 'event',
      event: { id, type: 'DealOpened', stream: 'deal-7', revision: 2, position: '120:110', data: { amount: 3 }, metadata: { actor: 'u' } },
    });
    await subscription.close();
  });

  it('skips an event it cannot read when it wants every type: another program\'s, on a shared server', async () => {
    const wire = new WireSubscription();
    const subscription = subscribe(wire);

    wire.send(
      eventMessage({ type: 'Telemetry', stream: 'other-app', position: 10, contentType: 'application/octet-stream' }),
      eventMessage({ type: 'DealOpened', position: 20 }),
    );

    expect(labelsOf(await take(subscription, 1))).toEqual(['event DealOpened']);
    await subscription.close();
  });

  it('skips system events, links and events of other types, and checks the types again itself', async () => {
    const wire = new WireSubscription();
    const subscription = subscribe(wire, { eventTypes: ['GoalSet'] });

    wire.send(
      eventMessage({ type: '$metadata', stream: '$$goal-1', position: 10 }),
      eventMessage({ type: '$>', stream: '$ce-goal', position: 20, contentType: 'application/octet-stream' }),
      eventMessage({ type: 'GoalSetLater', position: 30 }),
      eventMessage({ type: 'GoalSet', position: 40 }),
    );

    expect(labelsOf(await take(subscription, 1))).toEqual(['event GoalSet']);
    await subscription.close();
  });

  it('delivers only what comes after the starting position', async () => {
    const wire = new WireSubscription();
    const subscription = subscribe(wire, { after: at(20) });

    wire.send(
      eventMessage({ type: 'AtStart', position: 20 }),
      checkpointMessage(15),
      eventMessage({ type: 'After', position: 21 }),
    );

    expect(labelsOf(await take(subscription, 1))).toEqual(['event After']);
    await subscription.close();
  });

  it('delivers a checkpoint after the events the client read before it, even when they wait in its buffer', async () => {
    // Given a consumer slow enough that the client's stream is paused with events in its buffer
    const wire = new WireSubscription();
    const subscription = subscribe(wire, { highWaterMark: 1 });

    // When the server sends events and then a checkpoint past them
    wire.send(
      eventMessage({ type: 'E1', position: 10 }),
      eventMessage({ type: 'E2', position: 20 }),
      eventMessage({ type: 'E3', position: 30 }),
      checkpointMessage(45),
      eventMessage({ type: 'E4', position: 50 }),
    );

    // Then the checkpoint comes in log order
    expect(labelsOf(await take(subscription, 5))).toEqual(['event E1', 'event E2', 'event E3', 'checkpoint 45:45', 'event E4']);
    await subscription.close();
  });

  it('keeps only the latest of checkpoints in a row and drops those that do not move forward', async () => {
    // Given a consumer that has not read yet
    const wire = new WireSubscription();
    const subscription = subscribe(wire, { eventTypes: ['Wanted'] });
    const handedOver = wire.handedOver('Last');

    // When the server sends a run of checkpoints, one of them behind the event before it
    wire.send(
      eventMessage({ type: 'Wanted', position: 50 }),
      checkpointMessage(40),
      checkpointMessage(60),
      checkpointMessage(70),
      checkpointMessage(80),
      eventMessage({ type: 'Wanted', position: 90 }),
      eventMessage({ type: 'Last', position: 95 }),
    );
    await handedOver;

    // Then
    expect(labelsOf(await take(subscription, 3))).toEqual(['event Wanted', 'checkpoint 80:80', 'event Wanted']);
    await subscription.close();
  });

  it('ends the iteration and cancels the call on the server when closed', async () => {
    const wire = new WireSubscription();
    const subscription = subscribe(wire);
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = iterator.next();

    await subscription.close();

    expect(await pending).toEqual({ done: true, value: undefined });
    expect(wire.cancelled).toBe(true);
  });

  it('fails the iteration with EventStoreUnavailableError when the connection breaks', async () => {
    const wire = new WireSubscription();
    const subscription = subscribe(wire);

    wire.fail(14, 'UNAVAILABLE: Connection dropped');

    const error = await take(subscription, 1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toContain('EventStoreDB at esdb://localhost:2113 is unavailable: subscribeToAll failed');
    await subscription.close();
  });

  it('delivers what it received before failing on an event of a wanted type that it cannot read', async () => {
    const wire = new WireSubscription();
    const subscription = subscribe(wire, { eventTypes: ['Good', 'Binary'] });
    const iterator = subscription[Symbol.asyncIterator]();

    wire.send(eventMessage({ type: 'Good', position: 10 }), eventMessage({ type: 'Binary', position: 20, contentType: 'application/octet-stream' }));

    expect(await iterator.next()).toMatchObject({ value: { kind: 'event', event: { type: 'Good' } } });
    await expect(iterator.next()).rejects.toThrow('is not JSON');
    await subscription.close();
  });

  describe('confirmation deadline', () => {
    beforeEach(() => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it('fails when the server does not confirm the subscription in time', async () => {
      const wire = new WireSubscription();
      const subscription = subscribe(wire, { confirmationTimeoutMs: 50 });
      const next = subscription[Symbol.asyncIterator]().next();

      jest.advanceTimersByTime(50);

      const error = await next.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toContain('did not answer subscribeToAll within 50 ms');
      await subscription.close();
    });

    it('does not fail once the server confirmed', async () => {
      const wire = new WireSubscription();
      const subscription = subscribe(wire, { confirmationTimeoutMs: 50 });
      const iterator = subscription[Symbol.asyncIterator]();
      wire.send(confirmationMessage(), eventMessage({ type: 'First', position: 10 }));
      expect(await iterator.next()).toMatchObject({ value: { event: { type: 'First' } } });

      jest.advanceTimersByTime(1_000);
      wire.send(eventMessage({ type: 'Second', position: 20 }));

      expect(await iterator.next()).toMatchObject({ value: { event: { type: 'Second' } } });
      await subscription.close();
    });
  });

  it('fails, rather than looking finished, when the server ends the subscription', async () => {
    const wire = new WireSubscription();
    const subscription = subscribe(wire);

    wire.wire.end();

    await expect(take(subscription, 1)).rejects.toThrow('the server ended the subscription');
    await subscription.close();
  });
});
