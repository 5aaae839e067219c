/** Injection tokens of the services every context uses; the app binds them once. */
export const CURRENCY = Symbol('Currency');
export const CLOCK = Symbol('Clock');
export const READ_MODEL_DATABASE = Symbol('ReadModelDatabase');
export const APP_LOGGER = Symbol('AppLogger');

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
