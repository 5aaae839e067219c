/** Injection tokens of the services every context uses; the app binds them once. */
export const CURRENCY = Symbol('Currency');
export const CLOCK = Symbol('Clock');
export const READ_MODEL_DATABASE = Symbol('ReadModelDatabase');
export const APP_LOGGER = Symbol('AppLogger');
export const COMMAND_OBSERVER = Symbol('CommandObserver');

/** Told of every command the CommandRunner runs: its type, how it ended, how long it took. */
export interface CommandObserver {
  /** `outcome` is `ok`, or the DomainError's code, or `error` for anything else. */
  observe(command: string, outcome: string, seconds: number): void;
}

/** Server time; injectable so tests can move it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The structured logger every part of the service writes to (pino's call shape). */
export interface AppLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
  debug(object: object, message: string): void;
}
