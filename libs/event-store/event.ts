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
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
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
