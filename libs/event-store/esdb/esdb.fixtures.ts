import { PassThrough } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { Subscription } from '@eventstore/db-client/dist/streams/utils/Subscription.js';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent.js';
import streamsMessages from '@eventstore/db-client/generated/streams_pb.js';
import sharedMessages from '@eventstore/db-client/generated/shared_pb.js';
import type { ClientPosition } from './esdb-mapping.js';
import type { OpenSubscription } from './esdb-subscription.js';

// What the server sends on a subscription, built with the client's own generated message classes,
// and the client's own Subscription reading it: the tests exercise the client's conversion of
// events and checkpoints, with only the network replaced.

const { ReadResp } = streamsMessages;

export interface WireEvent {
  readonly id?: string;
  readonly type: string;
  readonly stream?: string;
  readonly revision?: number;
  /** Commit and prepare position (the same unless given as a pair). */
  readonly position: number | readonly [number, number];
  readonly data?: unknown;
  readonly metadata?: unknown;
  readonly contentType?: string;
}

function positionOf(position: WireEvent['position']): [string, string] {
  return typeof position === 'number' ? [String(position), String(position)] : [String(position[0]), String(position[1])];
}

export function eventMessage(event: WireEvent): InstanceType<typeof ReadResp> {
  const [commit, prepare] = positionOf(event.position);
  const record = new ReadResp.ReadEvent.RecordedEvent();
  const id = new sharedMessages.UUID();
  id.setString(event.id ?? randomUUID());
  record.setId(id);
  const stream = new sharedMessages.StreamIdentifier();
  stream.setStreamName(Buffer.from(event.stream ?? 'deal-1'));
  record.setStreamIdentifier(stream);
  record.setStreamRevision(String(event.revision ?? 0));
  record.setCommitPosition(commit);
  record.setPreparePosition(prepare);
  record
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType ?? 'application/json')
    .set('created', '0');
  record.setData(Buffer.from(JSON.stringify(event.data ?? {})));
  if (event.metadata !== undefined) record.setCustomMetadata(Buffer.from(JSON.stringify(event.metadata)));
  const readEvent = new ReadResp.ReadEvent();
  readEvent.setEvent(record);
  readEvent.setCommitPosition(commit);
  const message = new ReadResp();
  message.setEvent(readEvent);
  return message;
}

export function checkpointMessage(position: number | readonly [number, number]): InstanceType<typeof ReadResp> {
  const [commit, prepare] = positionOf(position);
  const checkpoint = new ReadResp.Checkpoint();
  checkpoint.setCommitPosition(commit);
  checkpoint.setPreparePosition(prepare);
  const message = new ReadResp();
  message.setCheckpoint(checkpoint);
  return message;
}

export function confirmationMessage(): InstanceType<typeof ReadResp> {
  const confirmation = new ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(randomUUID());
  const message = new ReadResp();
  message.setConfirmation(confirmation);
  return message;
}

/** The server's side of one subscription: messages written here reach the client's Subscription. */
export class WireSubscription {
  readonly wire = new PassThrough({ objectMode: true });
  cancelled = false;

  constructor() {
    Object.assign(this.wire, {
      cancel: () => {
        this.cancelled = true;
        this.wire.end();
      },
    });
  }

  send(...messages: InstanceType<typeof ReadResp>[]): void {
    for (const message of messages) this.wire.write(message);
  }

  /** The server breaks the call the way gRPC reports it. */
  fail(code: number, details: string): void {
    this.wire.destroy(Object.assign(new Error(`${code} ${details}`), { code, details }));
  }

  /** Opens the client's Subscription over this wire, as client.subscribeToAll would. */
  readonly open: OpenSubscription = (onCheckpoint) => {
    this.client = new Subscription<AllStreamResolvedEvent>(
      () => Promise.resolve(this.wire as never),
      convertGrpcEvent as never,
      {},
      (_subscription, position: ClientPosition) => onCheckpoint(position),
    );
    return this.client as unknown as AllStreamSubscription;
  };

  private client: Subscription<AllStreamResolvedEvent> | undefined;

  /** Resolves once the client has handed over an event of this type (and so everything before it). */
  handedOver(type: string): Promise<void> {
    const client = this.client;
    if (client === undefined) throw new Error('The subscription is not open');
    return new Promise((resolve) => {
      const listener = (resolved: AllStreamResolvedEvent) => {
        if (resolved.event?.type !== type) return;
        client.off('data', listener);
        resolve();
      };
      client.on('data', listener);
    });
  }
}
