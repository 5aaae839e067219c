export * from './domain/index.js';
export * from './read-models/shared-goal/shared-goal.model.js';
