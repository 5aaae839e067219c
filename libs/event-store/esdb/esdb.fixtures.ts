import { Duplex, PassThrough } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { Subscription } from '@eventstore/db-client/dist/streams/utils/Subscription.js';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent.js';
import streamsMessages from '@eventstore/db-client/generated/streams_pb.js';
import sharedMessages from '@eventstore/db-client/generated/shared_pb.js';
import statusMessages from '@eventstore/db-client/generated/status_pb.js';
import anyMessages from 'google-protobuf/google/protobuf/any_pb.js';
import emptyMessages from 'google-protobuf/google/protobuf/empty_pb.js';
import type { AllSubscription, SubscriptionMessage } from '../event-store.js';
import { SubscriptionReader } from '../testing/subscription-reader.js';
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

/** The server's word (23.10 and later) that a subscription read everything there was and goes live. */
export function caughtUpMessage(): InstanceType<typeof ReadResp> {
  const message = new ReadResp();
  message.setCaughtUp(new ReadResp.CaughtUp());
  return message;
}

export function confirmationMessage(): InstanceType<typeof ReadResp> {
  const confirmation = new ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(randomUUID());
  const message = new ReadResp();
  message.setConfirmation(confirmation);
  return message;
}

/** The server's side of one streaming gRPC call: what it writes reaches the client, which may cancel it. */
class ServerStream {
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

  /** The call fails as gRPC reports a status, with the server's metadata (e.g. NotLeader's leader). */
  fail(code: number, details: string, metadata: Record<string, string> = {}): void {
    this.wire.destroy(Object.assign(new Error(`${code} ${details}`), { code, details, metadata: { getMap: () => metadata } }));
  }
}

/** The server's side of one subscription: messages written here reach the client's Subscription. */
export class WireSubscription extends ServerStream {
  send(...messages: InstanceType<typeof ReadResp>[]): void {
    for (const message of messages) this.wire.write(message);
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

// ---------------------------------------------------------------------------------------------
// The server's side of whole store operations: the store's own client, with its gRPC calls
// answered here by the messages EventStoreDB sends (reads, subscriptions, batch appends) instead
// of a network. The client's code runs as it would: its request building, its conversion of
// answers and errors, its batching of appends.

const { ReadReq, BatchAppendResp } = streamsMessages;
const { Status } = statusMessages;

/** The detail messages EventStoreDB packs into a batch append's error status. */
export const appendErrors = {
  /** The server's commit (or prepare, or forward) timeout: `Status.Timeout`, code DEADLINE_EXCEEDED. */
  timeout: () => status(4, 'Timeout', 'event_store.client.Timeout', new sharedMessages.Timeout()),
  unknown: () => status(2, 'Unknown', 'event_store.client.Unknown', new sharedMessages.Unknown()),
  wrongExpectedVersion: (current: bigint | 'no_stream', expected: bigint | 'any' | 'no_stream' | 'stream_exists') => {
    const detail = new sharedMessages.WrongExpectedVersion();
    if (current === 'no_stream') detail.setCurrentNoStream(new emptyMessages.Empty());
    else detail.setCurrentStreamRevision(String(current));
    if (expected === 'any') detail.setExpectedAny(new emptyMessages.Empty());
    else if (expected === 'no_stream') detail.setExpectedNoStream(new emptyMessages.Empty());
    else if (expected === 'stream_exists') detail.setExpectedStreamExists(new emptyMessages.Empty());
    else detail.setExpectedStreamPosition(String(expected));
    return status(6, 'WrongExpectedVersion', 'event_store.client.WrongExpectedVersion', detail);
  },
  maximumAppendSizeExceeded: (bytes: number) => {
    const detail = new sharedMessages.MaximumAppendSizeExceeded();
    detail.setMaxappendsize(bytes);
    return status(3, 'MaximumAppendSizeExceeded', 'event_store.client.MaximumAppendSizeExceeded', detail);
  },
  streamDeleted: (stream: string) => {
    const detail = new sharedMessages.StreamDeleted();
    detail.setStreamIdentifier(streamIdentifier(stream));
    return status(5, 'StreamDeleted', 'event_store.client.StreamDeleted', detail);
  },
};

type AppendStatus = InstanceType<typeof Status>;

function status(code: number, message: string, typeName: string, detail: { serializeBinary(): Uint8Array }): AppendStatus {
  const packed = new anyMessages.Any();
  packed.pack(detail.serializeBinary(), typeName);
  const result = new Status();
  result.setCode(code);
  result.setMessage(message);
  result.setDetails(packed);
  return result;
}

function streamIdentifier(stream: string) {
  const identifier = new sharedMessages.StreamIdentifier();
  identifier.setStreamName(Buffer.from(stream));
  return identifier;
}

/** gRPC call metadata as @grpc/grpc-js hands it over: what the client put in the request headers. */
interface CallMetadata {
  get(key: string): unknown[];
}

/** One read (or subscription) the client made, and the server's side of it. */
export class ReadCall extends ServerStream {
  readonly stream: string;
  readonly backwards: boolean;
  readonly fromRevision: bigint | 'start' | 'end' | undefined;
  readonly subscription: boolean;
  readonly requiresLeader: boolean;

  constructor(request: InstanceType<typeof ReadReq>, metadata: CallMetadata) {
    super();
    const options = request.getOptions()!;
    const stream = options.getStream();
    this.stream = stream === undefined ? '$all' : Buffer.from(stream.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
    this.fromRevision = stream === undefined ? undefined : stream.hasStart() ? 'start' : stream.hasEnd() ? 'end' : BigInt(stream.getRevision());
    this.backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    this.subscription = options.hasSubscription();
    this.requiresLeader = metadata.get('requires-leader').includes('true');
  }

  /** Sends these messages and ends the read, as the server does for a finite read. */
  answer(...messages: InstanceType<typeof ReadResp>[]): void {
    for (const message of messages) this.wire.write(message);
    if (!this.subscription) this.wire.end();
  }

  /**
   * The server's StreamNotFound answer for a stream that does not exist (or is soft-deleted). The
   * client ends the call itself, failing it with StreamNotFoundError, before the server's end of
   * the call is read.
   */
  notFound(): void {
    const message = new ReadResp();
    const notFound = new ReadResp.StreamNotFound();
    notFound.setStreamIdentifier(streamIdentifier(this.stream));
    message.setStreamNotFound(notFound);
    this.wire.write(message);
  }
}

/** One append the client made (all its batches), and the server's side of it. */
export class AppendCall {
  readonly stream: string;
  readonly expected: bigint | 'any' | 'no_stream' | 'stream_exists';
  readonly ids: string[] = [];
  readonly types: string[] = [];

  constructor(
    private readonly first: InstanceType<typeof streamsMessages.BatchAppendReq>,
    private readonly respond: (response: InstanceType<typeof BatchAppendResp>) => void,
  ) {
    const options = first.getOptions()!;
    this.stream = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
    this.expected = options.hasAny()
      ? 'any'
      : options.hasNoStream()
        ? 'no_stream'
        : options.hasStreamExists()
          ? 'stream_exists'
          : BigInt(options.getStreamPosition());
  }

  add(request: InstanceType<typeof streamsMessages.BatchAppendReq>): void {
    for (const message of request.getProposedMessagesList()) {
      this.ids.push(message.getId()!.getString());
      this.types.push(message.getMetadataMap().get('type') ?? '');
    }
  }

  /** Stored: the stream's revision after it, and the position of its last event (none: "no position"). */
  succeed(revision: bigint, position?: number): void {
    const success = new BatchAppendResp.Success();
    success.setCurrentRevision(String(revision));
    if (position === undefined) success.setNoPosition(new emptyMessages.Empty());
    else {
      const at = new sharedMessages.AllStreamPosition();
      at.setCommitPosition(String(position));
      at.setPreparePosition(String(position));
      success.setPosition(at);
    }
    this.answer((response) => response.setSuccess(success));
  }

  refuse(error: AppendStatus): void {
    this.answer((response) => response.setError(error));
  }

  private answer(fill: (response: InstanceType<typeof BatchAppendResp>) => void): void {
    const response = new BatchAppendResp();
    response.setCorrelationId(this.first.getCorrelationId());
    response.setStreamIdentifier(streamIdentifier(this.stream));
    fill(response);
    this.respond(response);
  }
}

interface ClientInternals {
  GRPCStreamCreator: (client: unknown, name: string, creator: (grpc: unknown) => unknown) => () => Promise<unknown>;
  supports: () => Promise<boolean>;
}

/**
 * Answers the client of a store as an EventStoreDB server would: `onRead` and `onAppend` receive
 * each call, in the order the client makes them, and answer it (or leave it unanswered).
 */
export class FakeEventStoreDB {
  readonly reads: ReadCall[] = [];
  readonly appends: AppendCall[] = [];

  constructor(
    private readonly onRead: (call: ReadCall) => void,
    private readonly onAppend: (call: AppendCall) => void = () => undefined,
  ) {}

  /** Routes the store's client to this server. */
  attach(store: object): void {
    const client = (store as { client: ClientInternals }).client;
    const grpc = {
      read: (request: InstanceType<typeof ReadReq>, metadata: CallMetadata) => {
        const call = new ReadCall(request, metadata);
        this.reads.push(call);
        queueMicrotask(() => this.onRead(call));
        return call.wire;
      },
      batchAppend: () => this.batchAppendCall(),
    };
    client.GRPCStreamCreator = (_client, _name, creator) => async () => creator(grpc);
    client.supports = async () => true;
  }

  private batchAppendCall(): Duplex {
    let call: AppendCall | undefined;
    const duplex: Duplex = new Duplex({
      objectMode: true,
      read: () => undefined,
      write: (request: InstanceType<typeof streamsMessages.BatchAppendReq>, _encoding, done) => {
        if (request.hasOptions()) call = new AppendCall(request, (response) => duplex.push(response));
        call!.add(request);
        if (request.getIsFinal()) {
          const complete = call!;
          this.appends.push(complete);
          queueMicrotask(() => this.onAppend(complete));
        }
        done();
      },
    });
    return duplex;
  }
}

/** What a subscription delivered, in words: `event <type>` or `checkpoint <position>`. */
export function labelsOf(messages: readonly SubscriptionMessage[]): string[] {
  return messages.map((message) => (message.kind === 'event' ? `event ${message.event.type}` : `checkpoint ${message.position}`));
}

/** The first `count` messages of a subscription, failing (not hanging) when they do not come. */
export function take(subscription: AllSubscription, count: number): Promise<SubscriptionMessage[]> {
  return new SubscriptionReader(subscription, 20_000).readUntil((received) => received.length >= count, `${count} messages`);
}
