export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * A global position in the log. Opaque to callers: only the store that issued it can order it
 * (see EventStore.comparePositions) or resume from it.
 */
export type Position = string & { readonly __position: unique symbol };

/** An event to append. The id makes a retried append a no-op. */
export interface NewEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  /**
   * A UUID other than the nil one, as EventStoreDB requires; stores keep it in lower case (as
   * EventStoreDB does), so a retry is recognised whatever the case it was sent in.
   */
  readonly id: string;
  /** Not empty, and not starting with `$` (reserved for the store's own events). */
  readonly type: Type;
  readonly data: Data;
  /** No key starting with `$` (the store's own, such as EventStoreDB's `$correlationId`). */
  readonly metadata: JsonObject;
}

/** An event as the log holds it. */
export interface RecordedEvent<Type extends string = string, Data extends JsonObject = JsonObject>
  extends NewEvent<Type, Data> {
  readonly stream: string;
  /** Revision within its stream, counted from 0. */
  readonly revision: number;
  readonly position: Position;
}
