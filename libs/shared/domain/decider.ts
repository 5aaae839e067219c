import type { CommandContext } from './actor.js';

/** A domain event as plain data: what the stream holds, less ids and metadata. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * One aggregate's behaviour as pure functions. `decide` throws a DomainError when a rule is
 * broken and returns no events when the command changes nothing (an idempotent repeat).
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State, context: CommandContext) => readonly Event[];
}

/**
 * An aggregate as a plain value: how it decides, which stream holds the instance with a given
 * id, and how errors name that instance (e.g. `Deal "d-1"`).
 */
export interface Aggregate<Command, Event extends DomainEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly streamFor: (id: string) => string;
  readonly describe: (id: string) => string;
}
