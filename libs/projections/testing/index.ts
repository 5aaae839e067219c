export * from './projection-spec.js';
export * from './statement-runs.js';
export * from './query-plans.js';
