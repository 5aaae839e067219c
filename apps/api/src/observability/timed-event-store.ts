import { performance } from 'node:perf_hooks';
import { WrongExpectedRevisionError, type AppendOptions, type AppendResult, type EventStore, type NewEvent } from '#event-store';

/** The event store with each append timed into the metrics; everything else goes straight through. */
export function timedAppends(store: EventStore, observe: (outcome: string, seconds: number) => void): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'appendToStream') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> => {
        const started = performance.now();
        let outcome = 'ok';
        try {
          return await target.appendToStream(stream, events, options);
        } catch (error) {
          outcome = error instanceof WrongExpectedRevisionError ? 'conflict' : 'error';
          throw error;
        } finally {
          observe(outcome, (performance.now() - started) / 1000);
        }
      };
    },
  });
}
