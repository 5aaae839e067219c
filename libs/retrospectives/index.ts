export * from './domain/index.js';
export * from './read-models/retrospective/retrospective.model.js';
