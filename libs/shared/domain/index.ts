export * from './actor.js';
export * from './decider.js';
export * from './domain-error.js';
export * from './ids.js';
export * from './money.js';
export * from './text.js';
export * from './time.js';
