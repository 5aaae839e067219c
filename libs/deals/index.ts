export * from './domain/index.js';
export * from './read-models/deal/deal.model.js';
