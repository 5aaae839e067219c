export * from './domain/index.js';
export * from './read-models/reason/reason.model.js';
