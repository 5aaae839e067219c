export * from './projection.js';
export * from './errors.js';
export { readCheckpoints, type Checkpoint, type ProjectionStatus } from './checkpoints.js';
export * from './projection-runner.js';
export * from './metadata.js';
export * from './live-feed.js';
export * from './rows-by-key.js';
export * from './answer-cache.js';
