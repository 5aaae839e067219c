import { expect } from '@jest/globals';
import type { CommandContext } from '../actor.js';
import type { Decider, DomainEvent } from '../decider.js';
import { DomainError, type DomainErrorCode } from '../domain-error.js';

export interface DeciderOutcome<Event extends DomainEvent> {
  /** Asserts the decided events: what a decider is judged by, never its state. */
  then(expected: readonly Event[]): void;
  /** Asserts a DomainError with this code (and field, when given); returns it for further checks. */
  thenThrows(code: DomainErrorCode, field?: string): DomainError;
}

export interface DeciderSpec<Command, Event extends DomainEvent> {
  given(events: readonly Event[]): {
    when(command: Command, context: CommandContext): DeciderOutcome<Event>;
  };
}

/**
 * Given/when/then over any decider: the history is folded with `evolve`, exactly as the command
 * layer does after reading a stream, so a spec exercises the state the history builds through the
 * decisions it leads to. What evolve keeps is shown by a later command decided on it.
 */
export function deciderSpec<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): DeciderSpec<Command, Event> {
  return {
    given: (history) => ({
      when: (command, context) => {
        const state = history.reduce(decider.evolve, decider.initialState());
        const run = (): readonly Event[] => decider.decide(command, state, context);
        return {
          then: (expected) => {
            expect(run()).toEqual(expected);
          },
          thenThrows: (code, field) => {
            let outcome: { events: readonly Event[] } | { error: unknown };
            try {
              outcome = { events: run() };
            } catch (error) {
              outcome = { error };
            }
            if (!('error' in outcome)) {
              throw new Error(`expected ${code}${field ? ` on ${field}` : ''}, but decided ${JSON.stringify(outcome.events)}`);
            }
            expect(outcome.error).toBeInstanceOf(DomainError);
            const error = outcome.error as DomainError;
            expect({ code: error.code, field: error.details.field }).toEqual({
              code,
              field: field ?? error.details.field,
            });
            return error;
          },
        };
      },
    }),
  };
}
