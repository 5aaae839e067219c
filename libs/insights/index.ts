export * from './domain/index.js';
export * from './read-models/scoreboard/insight.model.js';
